## /rules: the forum's rules of participation (OGP standard 1: its basic rules on participation are public).

rules-none = لم ينشر المنسقون قواعد المشاركة في المنتدى بعد.
rules-show =
    📜 قواعد المشاركة في منتدى شراكة الحكومات الشفافة (آخر تحديث { $date }):

    { $text }
rules-edit = ✏️ تعديل القواعد
rules-ask = اكتب قواعد المشاركة كاملة كما ستظهر للجميع (من { $min } إلى { $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}). تبقى النسخة السابقة محفوظة.
rules-length = يجب أن تكون القواعد بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
} (كتبت { $length }).
rules-preview =
    هكذا ستظهر القواعد للجميع:

    { $text }
rules-english-add = 🇬🇧 إضافة نسخة إنجليزية
rules-english-change = 🇬🇧 تغيير النسخة الإنجليزية
rules-ask-english = اكتب القواعد بالإنجليزية كاملة (من { $min } إلى { $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}). هي اختيارية: دونها يرى قرّاء الإنجليزية النص العربي.
rules-preview-english =
    وهكذا ستظهر لقرّاء الإنجليزية:

    { $text }
rules-save = ✅ نشر القواعد
rules-saved = نُشرت قواعد المشاركة، ويراها الجميع بالأمر /rules.
menu-rules = 📜 قواعد المشاركة
command-rules = قواعد المشاركة في المنتدى
keyword-rules = القواعد
