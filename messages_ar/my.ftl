## /my: a participant's own recommendations.

my-empty = لم تقدّم أي توصية بعد. يمكنك البدء الآن بالأمر /recommend.
my-title = { $total ->
    [one] لديك توصية واحدة:
    [two] لديك توصيتان:
    [few] لديك { $total } توصيات (تُعرض { $first }–{ $last }):
    [many] لديك { $total } توصية (تُعرض { $first }–{ $last }):
   *[other] لديك { $total } توصية (تُعرض { $first }–{ $last }):
}
my-item =
    { $receipt } — الالتزام { $number } — { $date }
    الحالة: { $state }
    { $text }
my-response = 💬 الرد: { $response }
