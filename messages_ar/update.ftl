## /update and /milestones: liaison officers report progress; followers hear of it.

update-choose-commitment = عن أي التزام تريد نشر تحديث؟
update-ask-completion =
    الالتزام { $number }: { $title }
    مستوى الإنجاز الحالي: { $current }

    ما مستوى الإنجاز الآن؟
update-ask-progress = ما نسبة التقدم؟ اختر أو اكتب رقماً من 0 إلى 100.
update-progress-invalid = اكتب نسبة التقدم رقماً من 0 إلى 100 من فضلك.
update-ask-milestone = هل تغيّرت حالة إحدى المراحل؟ اختر المرحلة، أو تابع دون ذلك.
update-no-milestone = لا، تابع
update-ask-milestone-state = المرحلة «{ $title }» (حالتها الآن: { $current }). ما حالتها الجديدة؟
update-ask-note = اكتب ملاحظة قصيرة عمّا أُنجز (تظهر للمتابعين)، أو اختر «تخطّي».
update-note-invalid = الملاحظة يجب ألا تتجاوز { $max } حرف.
update-ask-evidence = أرسل الدليل: صورة أو ملف PDF أو Word أو Excel (حتى { $max } ملفات، واحداً بعد الآخر)، أو رابط الدليل (يبدأ بـ https://)، أو اختر «تخطّي».
update-evidence-invalid = هذا لا يبدو رابطاً صالحاً. أرسل رابطاً يبدأ بـ https:// أو اختر «تخطّي».
update-use-buttons = اختر من الأزرار من فضلك، أو اكتب /cancel للإلغاء.
update-skip = تخطّي
update-preview =
    راجع التحديث قبل نشره:

    الالتزام { $number }
    مستوى الإنجاز: { $completion }
    { $bar }
    الملاحظة: { $note }
    الدليل: { $evidence }
update-publish = ✅ نشر التحديث
update-published = نُشر تحديث الالتزام { $number }. { $count ->
    [zero] لا يوجد متابعون لإبلاغهم حالياً.
    [one] سيصل الخبر إلى متابع واحد.
    [two] سيصل الخبر إلى متابعَين اثنين.
    [few] سيصل الخبر إلى { $count } متابعين.
    [many] سيصل الخبر إلى { $count } متابعاً.
   *[other] سيصل الخبر إلى { $count } متابع.
}

loop-status =
    📊 تحديث جديد على الالتزام { $number }: { $title }
    مستوى الإنجاز: { $completion }
    { $bar }
loop-status-open = عرض الالتزام

milestones-choose-commitment = مراحل أي التزام تريد إدارتها؟
milestones-title = مراحل الالتزام { $number }: { $title }
milestones-empty = لا توجد مراحل بعد.
milestones-line = • { $title } — { $state } (من { $start } إلى { $end })
milestones-add = ➕ إضافة مرحلة
milestones-edit = { $line }

    ماذا تريد أن تعدّل؟ اختر الحالة الجديدة أو عدّل العنوان والتواريخ.
milestones-edit-details = ✏️ العنوان والتواريخ
milestones-back = ↩️ المراحل
milestones-all = ↩️ كل الالتزامات
milestones-menu = 🏠 القائمة الرئيسية
milestones-ask-title = اكتب عنوان المرحلة.
milestones-ask-start = اكتب تاريخ البدء (مثلاً 1/9/2018).
milestones-ask-end = اكتب تاريخ الانتهاء (مثلاً 30/6/2020).
milestones-keep = إبقاء القيمة الحالية
milestones-no-date = دون تاريخ
milestones-title-invalid = العنوان يجب أن يكون بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}.
milestones-date-invalid = لم أفهم التاريخ. اكتبه هكذا: 30/6/2020
milestones-end-before-start = تاريخ الانتهاء قبل تاريخ البدء. اكتب تاريخاً لاحقاً.
milestones-saved = حُفظت المرحلة «{ $title }».

# A milestone's English title, for readers of English (its title as typed stays for everyone else).
milestones-edit-english = 🌐 العنوان بالإنجليزية
milestones-ask-english =
    اكتب عنوان المرحلة بالإنجليزية: يراه من يقرأ المنصة بالإنجليزية، ويبقى عنوانها كما كُتب لغيرهم.
    { $current }
milestones-english-none = لا عنوان بالإنجليزية بعد.
milestones-english-current = العنوان بالإنجليزية الآن: { $title }
milestones-english-clear = 🗑️ دون عنوان بالإنجليزية

## Evidence files.
update-evidence-kinds = نقبل دليلاً صورةً أو ملف PDF أو Word أو Excel. لتحديث المراحل من جدول استخدم زر «📥» في بداية /update.
update-evidence-full = وصل التحديث إلى الحد الأقصى ({ $max } ملفات). اختر «✅ متابعة» لمراجعته.
update-evidence-received = وصل الدليل: { $file }
    { $count ->
        [one] هذا أول ملف.
        [two] وصل ملفان.
        [few] وصلت { $count } ملفات.
        [many] وصل { $count } ملفاً.
       *[other] وصل { $count } ملف.
    } أرسل ملفاً آخر أو رابطاً، أو اختر «✅ متابعة».
update-evidence-done = ✅ متابعة
update-file-where = نستلم ملفات الأدلة في خطوة «الدليل» بعد قليل. أما جدول المراحل فله زر «📥 تحديث المراحل من جدول». اختر من الأزرار أولاً.
