## /settings, /follow and endorsements: what a participant hears and supports.

settings-title = اختر الإشعارات التي تريد أن تصلك (اضغط للتبديل):
settings-answers = الردود على توصياتي
settings-status = تحديثات الالتزامات التي أتابعها أو أوصيت عليها
settings-reminders = التذكيرات والدعوات إلى جولات التشاور
settings-on = ✅ { $name }
settings-off = 🔕 { $name }

follow-title = اختر التزاماً لتبدأ متابعته أو توقفها. تصلك أخبار تنفيذ الالتزامات التي تتابعها.
follow-line-on = 🔔 { $number }. { $title }
follow-line-off = ➕ { $number }. { $title }
follow-on-button = 🔔 متابعة هذا الالتزام
follow-off-button = 🔕 إيقاف المتابعة
follow-started = ستصلك أخبار الالتزام { $number }.
follow-stopped = أوقفت متابعة الالتزام { $number }.

endorse-count = مجموع التأييدات: { $count ->
    [zero] لا تأييد بعد.
    [one] تأييد واحد.
    [two] تأييدان.
    [few] { $count } تأييدات.
    [many] { $count } تأييداً.
   *[other] { $count } تأييد.
}
endorse-browse = 👍 التوصيات وتأييدها
endorse-title = توصيات المشاركين على الالتزام { $number }: { $title }
endorse-empty = لا توجد توصيات ظاهرة على هذا الالتزام بعد.
endorse-item =
    { $receipt } — 👍 { $count }
    { $text }
endorse-button = 👍 أؤيد { $receipt }
endorse-back = ↩️ العودة إلى الالتزام
endorse-done = سُجّل تأييدك للتوصية { $receipt }.
endorse-already = سبق أن أيّدت التوصية { $receipt }.
endorse-own = لا يمكنك تأييد توصيتك { $receipt }.
settings-name-on = 👤 اسمي يظهر مع توصياتي المنشورة: نعم
settings-name-off = 👤 اسمي يظهر مع توصياتي المنشورة: لا
