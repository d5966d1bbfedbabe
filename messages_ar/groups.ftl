## Working groups: their rapporteurs, the findings they enter for the group, and answers told to the whole group.

command-rapporteurs = تسمية مقرري مجموعات العمل في الجولة
command-findings = نتائج مجموعة العمل التي تتحدث باسمها
group-label = مجموعة العمل { $number }
group-author = مجموعة العمل { $number } ({ $count ->
    [zero] لم يُسجَّل عدد الحضور
    [one] شخص واحد إلى الطاولة
    [two] شخصان إلى الطاولة
    [few] { $count } أشخاص إلى الطاولة
    [many] { $count } شخصاً إلى الطاولة
   *[other] { $count } شخص إلى الطاولة
})
rapporteurs-no-round = لا توجد جولة مفتوحة أو قيد الإعداد لتسمية مقرريها.
rapporteurs-title = مقررو مجموعات العمل في «{ $name }»:
rapporteurs-line = • { $group }: { $who }
rapporteurs-none = لم يُسمَّ مقرر بعد
rapporteurs-invited = دعوة لم تُقبل بعد
rapporteur-pick = من مقرر { $group }؟ { $count ->
    [zero] لم ينضم أحد إلى المجموعة عبر البوت بعد؛ أرسل دعوة.
    [one] انضم إليها شخص واحد عبر البوت.
    [two] انضم إليها شخصان عبر البوت.
    [few] انضم إليها { $count } أشخاص عبر البوت.
    [many] انضم إليها { $count } شخصاً عبر البوت.
   *[other] انضم إليها { $count } شخص عبر البوت.
}
rapporteur-invite = ✉️ دعوة مقرر
rapporteur-named = أصبح { $name } مقرر { $group }.
rapporteur-named-notice = أصبحت مقرر { $group }. أرسل /findings لتدوين نتائج المجموعة سؤالاً سؤالاً: نصاً أو رسالة صوتية أو صورة اللوح، وتُنسب إلى المجموعة لا إليك.
rapporteur-invite-card =
    دعوة لتكون مقرر { $group } في بوت متابعة الخطة الوطنية لشراكة الحكومات الشفافة.

    افتح الرابط: { $link }
    أو أرسل إلى البوت: /join { $code }
rapporteur-invite-card-code =
    دعوة لتكون مقرر { $group } في بوت متابعة الخطة الوطنية لشراكة الحكومات الشفافة.

    أرسل إلى البوت: /join { $code }
rapporteur-invite-unknown = هذه الدعوة غير صالحة: استُخدمت أو سُحبت أو أُغلقت جولتها.
findings-not-rapporteur = لست مقرراً لأي مجموعة عمل في جولة مفتوحة. يسمّي المنسق المقررين.
findings-which-group = أي مجموعة عمل؟
findings-closed = لم تعد نتائج هذه المجموعة قابلة للتعديل: أُغلقت الجولة أو انتهى موعدها أو لم تعد مقررها.
findings-ask-at-table = كم شخصاً كان إلى طاولة { $group }؟ اكتب عدداً.
findings-at-table-number = اكتب عدداً صحيحاً من 1 إلى { $max }.
findings-title = { $group } في «{ $name }»، وقد حضر إلى الطاولة { $count }.
findings-count = { $count ->
    [zero] لم تُدوَّن نتائج بعد.
    [one] نتيجة واحدة للمجموعة:
    [two] نتيجتان للمجموعة:
    [few] { $count } نتائج للمجموعة:
    [many] { $count } نتيجة للمجموعة:
   *[other] { $count } نتيجة للمجموعة:
}
findings-others = { $count ->
    [zero] لم يرسل أعضاء المجموعة مدخلات أخرى.
    [one] مدخل واحد آخر من أعضاء المجموعة:
    [two] مدخلان آخران من أعضاء المجموعة:
    [few] { $count } مدخلات أخرى من أعضاء المجموعة:
    [many] { $count } مدخلاً آخر من أعضاء المجموعة:
   *[other] { $count } مدخل آخر من أعضاء المجموعة:
}
findings-add-for = ➕ { $question }
findings-add = ➕ سؤال آخر أو نتيجة عامة
findings-edit = ✏️ تعديل { $receipt }
findings-ask-edit = اكتب النص الجديد لـ{ $receipt }:

    { $text }
findings-edit-length = اكتب نصاً طوله من { $min } إلى { $max } من الأحرف.
findings-edited = عُدّلت { $receipt }.
findings-answer-notice = وصل رد على نتيجة { $group }:

    { $notice }
