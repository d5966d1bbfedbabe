## /update from a spreadsheet: several commitments' milestones at once, checked row by row, stored all or nothing.

import-button = 📥 تحديث المراحل من جدول
import-ask-file =
    أرسل ملف Excel (XLSX) أو CSV فيه جدول «المراحل» بالأعمدة نفسها التي يصدّرها البوت: رقم المرحلة (فارغ لمرحلة جديدة)، رقم الالتزام، المرحلة، تاريخ البدء، تاريخ الانتهاء، مستوى الإنجاز.
    سأفحص كل صف وأعرض عليك ما سيتغيّر قبل حفظ أي شيء.
import-template = 📄 أرسل لي الجدول الحالي
import-template-caption = جدول مراحل التزاماتك الحالي: عدّله وأعد إرساله هنا.
import-not-downloaded = لم يصل محتوى الملف. أعد إرساله من فضلك.
import-too-large = الملف أكبر من 2 ميغابايت. أرسل جدول المراحل وحده.
import-unreadable = تعذّرت قراءة الملف. أرسله بصيغة XLSX أو CSV (UTF-8).
import-too-big-unpacked = يحوي هذا الملف بعد فكّ ضغطه أكثر بكثير مما يحويه جدول المراحل، فلم نقرأه. أرسل جدول المراحل وحده.
import-empty = الملف فارغ.
import-no-columns = لم أجد أعمدة جدول المراحل (رقم الالتزام، المرحلة، مستوى الإنجاز) في الصف الأول.
import-too-many-rows = في الملف أكثر من ألف صف. قسّمه إلى ملفات أصغر.
import-nothing-changes = لا يغيّر هذا الملف شيئاً: كل صفوفه مطابقة لما هو محفوظ.
import-errors = لم يُحفظ شيء من الملف: { $count ->
    [one] في صف واحد مشكلة
    [two] في صفين مشكلة
    [few] في { $count } صفوف مشكلة
    [many] في { $count } صفاً مشكلة
   *[other] في { $count } صف مشكلة
}. صحّحه وأعد إرساله:
import-error-line = • الصف { $row }: { $reason }
import-more = … و{ $count } غيرها.
import-row-commitment = لا يوجد في الخطة الفعّالة التزام رقمه «{ $value }».
import-row-not-yours = لا تتولى الالتزام { $number }.
import-row-milestone = لا توجد مرحلة رقمها «{ $value }» في الالتزام { $number }. اترك رقم المرحلة فارغاً لإضافة مرحلة جديدة.
import-row-number = «{ $column }» يجب أن يكون رقماً (وجدت «{ $value }»).
import-row-title = عنوان المرحلة يجب أن يكون بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}.
import-row-date = لم أفهم «{ $column }»: «{ $value }». اكتبه هكذا: 30/6/2020
import-row-end-before-start = تاريخ الانتهاء قبل تاريخ البدء.
import-row-state = مستوى الإنجاز «{ $value }» غير معروف. القيم الممكنة: { $choices }.
import-preview = { $count ->
    [one] سيتغيّر ما يلي (تغيير واحد):
    [two] سيتغيّر ما يلي (تغييران):
    [few] سيتغيّر ما يلي ({ $count } تغييرات):
    [many] سيتغيّر ما يلي ({ $count } تغييراً):
   *[other] سيتغيّر ما يلي ({ $count } تغيير):
}
import-line-new = • الصف { $row } — الالتزام { $number }: مرحلة جديدة «{ $title }»
import-line-change = • الصف { $row } — الالتزام { $number }، «{ $title }»: { $changes }
import-diff-title = العنوان ← «{ $new }»
import-diff-state = الحالة { $old } ← { $new }
import-diff-start = البدء { $old } ← { $new }
import-diff-end = الانتهاء { $old } ← { $new }
import-apply = ✅ حفظ كل التغييرات
import-stale = تغيّرت المرحلة في الصف { $row } منذ فحص الملف، فلم يُحفظ شيء. أرسل الجدول من جديد.
import-done = { $count ->
    [one] حُفظ تغيير واحد في المراحل.
    [two] حُفظ تغييران في المراحل.
    [few] حُفظت { $count } تغييرات في المراحل.
    [many] حُفظ { $count } تغييراً في المراحل.
   *[other] حُفظ { $count } تغيير في المراحل.
}
import-cancelled = أُلغي التحديث من الجدول، ولم يُحفظ شيء منه.

update-unlikely-pair = مستوى الإنجاز «{ $completion }» مع نسبة تقدّم { $progress }% لا يتّفقان عادةً. هل هذا صحيح؟
update-pair-keep = ✅ نعم، هذا صحيح
update-pair-progress = ✏️ تعديل النسبة
update-pair-level = ↩️ تغيير مستوى الإنجاز
