## A round's timeline (OGP standard 3): when it is announced, a notice shorter than two weeks, the announcement.

announce-ask-date =
    متى يُعلَن الجدول الزمني لهذه الجولة للعموم (أو متى أُعلن)؟ اكتب التاريخ، أو اختر «اليوم».
    تطلب معايير OGP نشر الجدول الزمني قبل أسبوعين على الأقل من بدء المشاركة.
announce-today-button = 📅 اليوم
announce-after-round = تاريخ الإعلان بعد موعد الجولة. اكتب تاريخاً في موعدها أو قبله.
announce-short-notice = { $days ->
    [zero] تُعقد الجولة في يوم إعلانها نفسه
    [one] تُعقد الجولة بعد يوم واحد فقط من إعلانها
    [two] تُعقد الجولة بعد يومين فقط من إعلانها
    [few] تُعقد الجولة بعد { $days } أيام فقط من إعلانها
    [many] تُعقد الجولة بعد { $days } يوماً فقط من إعلانها
   *[other] تُعقد الجولة بعد { $days } يوم فقط من إعلانها
}، ومعايير OGP تطلب نشر الجدول الزمني قبل أسبوعين على الأقل. هل تؤكد المتابعة؟ سيُسجَّل تأكيدك مع الجولة.
announce-short-confirm = ✅ نعم، أؤكد
announce-short-change = ✏️ تغيير تاريخ الإعلان
announce-line = الإعلان: { $date } { $days ->
    [-1] (موعد الجولة غير محدد)
    [zero] (في يوم الجولة نفسه)
    [one] (قبلها بيوم واحد)
    [two] (قبلها بيومين)
    [few] (قبلها بـ{ $days } أيام)
    [many] (قبلها بـ{ $days } يوماً)
   *[other] (قبلها بـ{ $days } يوم)
}
announce-line-none = الإعلان: لم يُحدَّد تاريخه
announce-line-confirmed = — ⚠️ أقل من أسبوعين، بتأكيد المنسق
announce-sent-line = 📣 أُرسل الإعلان في { $date } إلى { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصين
    [few] { $count } أشخاص
    [many] { $count } شخصاً
   *[other] { $count } شخص
}.
announce-button = 📣 إعلان
announce-text =
    📣 دعوة للمشاركة في جولة تشاور: { $name }
    الموعد: { $date }
    المكان: { $place }
    آخر موعد للمدخلات: { $deadline }

    { $joining }
announce-preview =
    هذا ما سيصل إلى { $count ->
        [zero] (لا يوجد من يصله الإعلان حالياً)
        [one] شخص واحد
        [two] شخصين
        [few] { $count } أشخاص
        [many] { $count } شخصاً
       *[other] { $count } شخص
    } (كل المسجّلين الذين لم يوقفوا الأخبار)، مرة واحدة:

    { $text }
announce-send = ✅ إرسال الإعلان
announce-already = أُرسل إعلان هذه الجولة من قبل، ولا يُرسل مرتين.
announce-queued = { $count ->
    [zero] لا يوجد من يصله الإعلان.
    [one] سيصل الإعلان إلى شخص واحد.
    [two] سيصل الإعلان إلى شخصين.
    [few] سيصل الإعلان إلى { $count } أشخاص.
    [many] سيصل الإعلان إلى { $count } شخصاً.
   *[other] سيصل الإعلان إلى { $count } شخص.
} ستصلك حصيلة الإرسال عند انتهائه.
