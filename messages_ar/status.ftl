## /status: where each commitment stands.

status-title = حالة تنفيذ التزامات { $plan }:
status-line = { $number }. { $title }
    { $bar } { $completion }
status-no-plan = لا توجد خطة فعّالة بعد. سيضيفها المنسقون قريباً.
status-choose = اختر التزاماً لعرض تفاصيله:
status-detail =
    الالتزام { $number }: { $title } ({ $ogp_id })
    الجهة المنفذة: { $agency }
    المدة: من { $start } إلى { $end }

    مستوى الإنجاز: { $completion }
    { $bar }
status-latest =
    آخر تحديث ({ $date }):
    { $note }
status-evidence = الدليل: { $url }
status-no-updates = لم يُنشر أي تحديث على هذا الالتزام بعد.
status-milestones = المراحل:
status-milestone-line = • { $title } — { $state }{ $due }
status-milestone-due = ، حتى { $date }
status-recommendations = { $count ->
    [zero] لم تصل أي توصية على هذا الالتزام بعد.
    [one] وصلت توصية واحدة على هذا الالتزام.
    [two] وصلت توصيتان على هذا الالتزام.
    [few] وصلت { $count } توصيات على هذا الالتزام.
    [many] وصلت { $count } توصية على هذا الالتزام.
   *[other] وصلت { $count } توصية على هذا الالتزام.
}
status-unknown-commitment = لم أجد هذا الالتزام.
commitment-no-such-number = لا يوجد في الخطة التزام رقم «{ $number }»؛ أرقام التزاماتها من { $first } إلى { $last }.
recommend-on-this = ✍️ قدّم توصية على هذا الالتزام
all-commitments = 📊 كل الالتزامات

## Evidence files of the newest update.
status-evidence-files = ملفات الأدلة:
status-get-evidence = 📎 ملفات الأدلة
