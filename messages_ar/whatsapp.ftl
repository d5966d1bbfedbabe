## WhatsApp: the words the channel adds itself, and the coordinators' view of held messages.

wa-list-button = اختر
wa-more = المزيد ⬅️
wa-choose = اختر مما يلي:
wa-more-body = خيارات أخرى:

wa-held-title =
    { $count ->
        [zero] لا توجد رسائل محتجزة.
        [one] رسالة واحدة محتجزة لأن صاحبها لم يراسلنا منذ أكثر من 24 ساعة (قاعدة واتساب):
        [two] رسالتان محتجزتان لأن أصحابهما لم يراسلونا منذ أكثر من 24 ساعة (قاعدة واتساب):
        [few] { $count } رسائل محتجزة لأن أصحابها لم يراسلونا منذ أكثر من 24 ساعة (قاعدة واتساب):
       *[other] { $count } رسالة محتجزة لأن أصحابها لم يراسلونا منذ أكثر من 24 ساعة (قاعدة واتساب):
    }
wa-held-line = • #{ $id } إلى { $name } — منذ { $date }
wa-held-unnamed = مشارك غير مسجّل
wa-held-footer = تُرسل هذه الرسائل تلقائياً حين يكتب أصحابها إلى البوت، أو اعتمدوا قالب رسالة في إعدادات واتساب لإرسالها فوراً.
wa-held-only-coordinators = هذا الأمر متاح لمنسّقي الخطة فقط.
