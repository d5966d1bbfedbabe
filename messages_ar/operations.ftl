## ogp-bot doctor: one line per check for the server's operators; each failure says how to fix it.

doctor-settings-ok = الإعدادات سليمة.
doctor-settings-bad = الإعدادات غير سليمة: { $problem } — صحّح { $setting } ثم شغّل الفحص من جديد.
doctor-skipped = { $what } غير مُعدّ ({ $setting } فارغ): لم يُفحص.
doctor-unreachable = { $service } لا يجيب: { $error } — تحقّق من شبكة هذا الخادم ومن { $setting }.
doctor-telegram-ok = تيليجرام يقبل الرمز: البوت هو @{ $username }.
doctor-telegram-token = تيليجرام يرفض الرمز — انسخه من جديد من { $where } وضعه في { $setting }.
doctor-webhook-ok = تيليجرام يسلّم التحديثات إلى { $url } ({ $pending ->
    [zero] لا تحديثات تنتظر
    [one] تحديث واحد ينتظر
    [two] تحديثان ينتظران
    [few] { $pending } تحديثات تنتظر
    [many] { $pending } تحديثاً ينتظر
   *[other] { $pending } تحديث ينتظر
}).
doctor-webhook-polling = لا عنوان استقبال لدى تيليجرام: البوت يجلب تحديثاته بنفسه ({ $pending ->
    [zero] لا تحديثات تنتظر
    [one] تحديث واحد ينتظر
    [two] تحديثان ينتظران
    [few] { $pending } تحديثات تنتظر
    [many] { $pending } تحديثاً ينتظر
   *[other] { $pending } تحديث ينتظر
}).
doctor-webhook-url = عنوان الاستقبال لدى تيليجرام هو { $actual } وليس { $url } كما في الإعدادات — شغّل البوت (فهو يضبط العنوان) أو صحّح { $setting }.
doctor-webhook-error = فشل آخر تسليم من تيليجرام إلى البوت ({ $when }): { $error } — تحقّق من الوكيل ومن أن البوت يعمل.
doctor-webhook-pending = لدى تيليجرام { $pending } من التحديثات تنتظر — تحقّق من أن البوت يعمل ويلحق بها.
doctor-whatsapp-ok = واتساب يقبل الرمز؛ الرقم هو { $number }.
doctor-whatsapp-token = واتساب يرفض الرمز — أنشئ رمزاً دائماً لمستخدم النظام في التطبيق وضعه في { $setting }.
doctor-whatsapp-number = واتساب لا يعرف معرّف رقم الهاتف { $id } — انسخه من إعدادات واتساب في التطبيق وضعه في { $setting }.
doctor-template-ok = القالب { $name } معتمد باللغة { $language }.
doctor-template-bad = القالب { $name } باللغة { $language } حالته { $status } وليس معتمداً — قدّمه للاعتماد في مدير واتساب وانتظر الموافقة.
doctor-template-no-account = تعذّر فحص القوالب — ضع في { $setting } معرّف حساب واتساب للأعمال.
doctor-https-ok = { $url } يجيب عبر اتصال آمن بشهادة صالحة.
doctor-https-plain = { $url } ليس عنواناً آمناً يبدأ بـ https:// — واتساب يشترطه: ضع الوكيل أمام البوت وصحّح { $setting }.
doctor-https-cert = ليس لـ { $url } شهادة صالحة ({ $error }) — تحقّق من شهادة الوكيل ومن اسم الخادم.
doctor-https-status = { $url } يجيب بالرمز { $status } — تحقّق من إعداد الوكيل ومن أن البوت يعمل.
doctor-db-ok = قاعدة البيانات سليمة، في مستوى المخطط { $version }.
doctor-db-missing = لا قاعدة بيانات في { $path } — شغّل البوت مرة واحدة، أو صحّح { $setting }.
doctor-db-broken = قاعدة البيانات لم تجتز فحص السلامة ({ $problem }) — أوقف البوت واسترجع آخر نسخة احتياطية مُتحقَّق منها.
doctor-db-behind = قاعدة البيانات في مستوى المخطط { $version } من { $known } — شغّل البوت ليحدّثها.
doctor-db-ahead = قاعدة البيانات في مستوى المخطط { $version }، أحدث مما يعرفه هذا البوت ({ $known }) — ثبّت الإصدار الأحدث من البوت.
doctor-files-ok = مجلد الملفات { $path } قابل للكتابة؛ المساحة الحرة { $free } ميغابايت.
doctor-files-unwritable = تعذّرت الكتابة في مجلد الملفات { $path } ({ $error }) — امنح مستخدم البوت حق الكتابة أو صحّح { $setting }.
doctor-disk-low = المساحة الحرة لـ { $path } هي { $free } ميغابايت فقط، أقل من { $needed } — أفرغ مساحة أو وسّع القرص.
doctor-backup-ok = عمر آخر نسخة احتياطية مُتحقَّق منها { $hours ->
    [zero] أقل من ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
}: { $path }.
doctor-backup-off = البوت لا يأخذ نسخاً احتياطية — اختر مجلداً على قرص آخر وضعه في { $setting }.
doctor-backup-none = لا نسخة احتياطية مُتحقَّق منها في { $path } بعد — يكتب البوت واحدة يومياً في الساعة { $time }؛ إن مضى الموعد فاقرأ سجل البوت.
doctor-backup-old = عمر آخر نسخة احتياطية مُتحقَّق منها { $hours } ساعة — اقرأ في سجل البوت سبب فشل النسخ وتحقّق من القرص.
doctor-clock-ok = ساعة هذا الخادم توافق { $service } (بفارق أقل من { $seconds } ثانية).
doctor-clock-skew = ساعة هذا الخادم تختلف عن { $service } بـ { $seconds } ثانية — فعّل مزامنة الوقت ({ $command }).
doctor-summary-ok = اجتازت كل الفحوص.
doctor-summary-bad = { $count ->
    [zero] لم يفشل أي فحص.
    [one] فشل فحص واحد.
    [two] فشل فحصان.
    [few] فشلت { $count } فحوص.
    [many] فشل { $count } فحصاً.
   *[other] فشل { $count } فحص.
}

## Alerts the bot sends its operators in chat: when a condition starts, and when it clears.

alert-outbox-raised = ⚠️ رسائل البوت متأخرة: أقدم رسالة تنتظر الإرسال منذ { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} ({ $count ->
    [one] رسالة واحدة تنتظر
    [two] رسالتان تنتظران
    [few] { $count } رسائل تنتظر
    [many] { $count } رسالة تنتظر
   *[other] { $count } رسالة تنتظر
}). تحقّق من اتصال الخادم ومن سجلّ البوت.
alert-outbox-cleared = ✅ عادت رسائل البوت تُرسل في وقتها.
alert-flood-raised = ⚠️ طلبت المنصّة من البوت الإبطاء { $count ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} في الدقائق الأخيرة (الخطأ 429): الرسائل تتأخر.
alert-flood-cleared = ✅ لم تعد المنصّة تطلب من البوت الإبطاء.
alert-token-raised = ⚠️ واتساب يرفض رمز البوت: لا تصل رسائل واتساب. أنشئ رمزاً دائماً جديداً وضعه في { $setting } ثم أعد تشغيل البوت.
alert-token-cleared = ✅ واتساب يقبل رمز البوت من جديد.
alert-webhook-raised = ⚠️ رفض البوت { $count ->
    [one] تسليماً واحداً
    [two] تسليمين
    [few] { $count } تسليمات
    [many] { $count } تسليماً
   *[other] { $count } تسليم
} إلى عنوان الاستقبال في الدقائق الأخيرة: تحقّق من الوكيل ومن الأسرار ({ $settings }).
alert-webhook-cleared = ✅ عادت التسليمات إلى عنوان الاستقبال تُقبل.
alert-disk-raised = ⚠️ القرص يكاد يمتلئ: بقي { $free } م.ب فقط، أقل من { $setting }. احذف ما لا يلزم أو وسّع القرص.
alert-disk-cleared = ✅ في القرص مساحة كافية من جديد.
alert-backup-raised = ⚠️ آخر نسخة احتياطية موثّقة عمرها { $hours ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
}: فشل النسخ الاحتياطي أو لم يجرِ. راجع سجلّ البوت والمجلّد { $setting }.
alert-backup-never = ⚠️ لا نسخة احتياطية موثّقة في { $setting } بعد: راجع سجلّ البوت وصلاحيات المجلّد.
alert-backup-cleared = ✅ كُتبت نسخة احتياطية ووُثّقت.
