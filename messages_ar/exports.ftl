## /export: spreadsheets and data files for coordinators. Column headers are read by people in Excel.

exp-sheet-summary = الملخص
exp-sheet-commitment = الالتزام { $number }
exp-sheet-status = تحديثات الحالة
exp-sheet-milestones = المراحل

exp-col-id = رقم التوصية
exp-col-commitment = رقم الالتزام
exp-col-ogp-id = رمز الالتزام
exp-col-commitment-title = الالتزام
exp-col-theme = المحور
exp-col-round = الجولة
exp-col-question = سؤال النقاش
exp-col-text = نص التوصية
exp-col-state = حالة التوصية
exp-col-response = الرد
exp-col-responder = صاحب الرد
exp-col-created = تاريخ الإرسال
exp-col-responded = تاريخ الرد
exp-col-endorsements = عدد التأييدات
exp-col-raised-by = عدد من طرحوها (أشخاص أو مجموعات)
exp-col-merged-into = دُمجت في التوصية رقم
exp-col-hidden = مخفية
exp-col-channel = القناة
exp-col-author = اسم المشارك
exp-col-organisation = الجهة
exp-col-sector = القطاع
exp-col-governorate = المحافظة
exp-col-count = العدد
exp-col-update-id = رقم التحديث
exp-col-completion = مستوى الإنجاز
exp-col-progress = نسبة الإنجاز (%)
exp-col-note = الملاحظة
exp-col-evidence = رابط الدليل
exp-col-milestone = المرحلة
exp-col-update-author = كاتب التحديث
exp-col-update-date = تاريخ التحديث
exp-col-milestone-id = رقم المرحلة
exp-col-start = تاريخ البدء
exp-col-end = تاريخ الانتهاء
exp-col-updated = آخر تعديل

# The channel a recommendation came by, as the «القناة» column shows it.
channel-telegram = تيليجرام
channel-whatsapp = واتساب
channel-console = الطرفية

exp-total = المجموع
exp-no-theme = محور آخر
exp-yes = نعم
exp-no = لا

exp-choose-format = بأي صيغة تريد ملف المدخلات؟
exp-format-xlsx = 📗 Excel (XLSX)
exp-format-csv = 📄 CSV
exp-format-json = 🧾 JSON
exp-choose-scope = ماذا يشمل الملف؟
exp-scope-all = 🗂️ كل المدخلات
exp-scope-commitment = 🎯 التزام واحد
exp-scope-round = 🗓️ جولة واحدة
exp-scope-dates = ⏳ فترة زمنية
exp-choose-commitment = اختر الالتزام:
exp-choose-round = اختر الجولة:
exp-no-rounds = لا توجد جولات تشاور بعد. اختر نطاقاً آخر:
exp-ask-dates = اكتب الفترة بتاريخين، من ثم إلى، مثل: 1/1/2026 - 31/3/2026
exp-bad-dates = لم أفهم التاريخين. اكتبهما هكذا: 1/1/2026 - 31/3/2026 (الأول قبل الثاني أو يساويه).
exp-caption = { $count ->
    [zero] ملف المدخلات: لا توجد توصيات في هذا النطاق.
    [one] ملف المدخلات: توصية واحدة.
    [two] ملف المدخلات: توصيتان.
    [few] ملف المدخلات: { $count } توصيات.
    [many] ملف المدخلات: { $count } توصية.
   *[other] ملف المدخلات: { $count } توصية.
}
exp-too-large = الملف أكبر من أن يُرسل في المحادثة ({ $megabytes } ميغابايت). ضيّق النطاق، أو استخرجه من الخادم بالأمر: ogp-bot export
menu-export = 📤 تصدير المدخلات
command-export = تصدير المدخلات (Excel أو CSV أو JSON)

## Documents (exports, reports, statistics) are built after the answer; these say so, or that it failed.
doc-preparing = ⏳ جارٍ إعداد الملف، وسيصلك هنا حين يجهز.
# A coordinator's file is not sent when they stopped being one between asking and its building.
doc-role-changed = لم يُرسَل الملف الذي طلبته لأن دورك تغيّر: لم تعد منسّقاً.

doc-failed = تعذّر إعداد الملف بسبب خطأ داخلي. نعتذر عن ذلك؛ حاول مرة أخرى بعد قليل.

# A file (export, report) comes in the language its asker reads; one button makes it in the other.
doc-file-language = 🌐 سيكون الملف باللغة { $language }.
doc-language-button = 🌐 الملف باللغة { $language }

## The files a recommendation or an update holds, as named in the export with files.
exp-col-files = الملفات
exp-col-evidence-files = ملفات الأدلة
