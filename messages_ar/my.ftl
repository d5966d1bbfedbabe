## /my: a participant's own recommendations.

my-empty = لم تقدّم أي توصية بعد. يمكنك البدء الآن بالأمر /recommend.
my-title = { $total ->
    [one] لديك توصية واحدة:
    [two] لديك توصيتان:
    [few] لديك { $total } توصيات ({ $shown }):
    [many] لديك { $total } توصية ({ $shown }):
   *[other] لديك { $total } توصية ({ $shown }):
}
my-item =
    { $receipt } — الالتزام { $number } — { $date }
    الحالة: { $state }
    { $text }
my-response = 💬 الرد: { $response }
