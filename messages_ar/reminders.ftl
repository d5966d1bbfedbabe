## Scheduled reminders, and /reminders where coordinators change their rules.

rem-update-due =
    تذكير: حان موعد تحديث حالة تنفيذ الالتزام { $number }: { $title }.
    يرجى إرسال نسبة الإنجاز وما تم منذ آخر تحديث، عبر الأمر /update.
# The first reminder on a commitment nobody has reported on yet: there is no «last update» to count from.
rem-update-first =
    تذكير: حان موعد تحديث حالة تنفيذ الالتزام { $number }: { $title }.
    يرجى إرسال نسبة الإنجاز وما أُنجز حتى الآن، عبر الأمر /update.
rem-answer-due = { $count ->
    [one] توصية واحدة على الالتزام { $number } تنتظر رداً
    [two] توصيتان على الالتزام { $number } تنتظران رداً
    [few] { $count } توصيات على الالتزام { $number } تنتظر رداً
   *[other] { $count } توصية على الالتزام { $number } تنتظر رداً
} منذ أكثر من { $days ->
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يوماً
       *[other] { $days } يوم
    }: { $ids }.
    يمكنك الرد عليها عبر الأمر /inbox.
rem-overdue-title = { $count ->
    [one] توصية واحدة لم يُرد عليها
    [two] توصيتان لم يُرد عليهما
    [few] { $count } توصيات لم يُرد عليها
   *[other] { $count } توصية لم يُرد عليها
} منذ أكثر من { $days ->
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يوماً
       *[other] { $days } يوم
    }:
rem-overdue-line = • الالتزام { $number }: { $count ->
    [one] توصية واحدة
    [two] توصيتان
    [few] { $count } توصيات
   *[other] { $count } توصية
} ({ $ids })
rem-milestone-soon = تذكير: المرحلة «{ $title }» من الالتزام { $number } تنتهي في { $date } ولم تُستكمل بعد. يرجى تحديث حالتها عبر الأمر /milestones.
rem-milestone-passed = انتهى موعد المرحلة «{ $title }» من الالتزام { $number } في { $date } ولم تُسجَّل مستكملة. يرجى تحديث حالتها أو توضيح سبب التأخير عبر الأمر /milestones.
rem-round-deadline = تذكير: تُغلق جولة التشاور «{ $name }» في { $deadline }. يمكنك إرسال توصياتك قبل ذلك عبر الأمر /recommend.
rem-button-update = 📝 تحديث الحالة
rem-button-inbox = 📥 التوصيات الواردة
rem-button-milestones = 🗓 المراحل
rem-button-recommend = ✍️ تقديم توصية

rem-title = قواعد التذكير المعمول بها:
rem-rule-line = • { $rule }: { $value }
rem-rule-update-cron = موعد تذكير ضباط الارتباط بتحديث الحالة
rem-rule-answer-officer = مهلة تذكير ضابط الارتباط بتوصية لم يُرد عليها
rem-rule-answer-coordinator = مهلة إبلاغ المنسقين بتوصية متأخرة
rem-rule-milestone = مدة التذكير قبل نهاية المرحلة
rem-rule-round = مدة التذكير قبل إغلاق جولة التشاور
rem-rule-quiet-start = بداية ساعات الهدوء
rem-rule-quiet-end = نهاية ساعات الهدوء
rem-rule-working-days = أيام العمل الرسمية
rem-update-off = تذكير ضباط الارتباط بتحديث الحالة متوقف.
rem-update-next = مواعيد التذكير القادمة بتحديث الحالة: { $times }
rem-health = الرسائل المرسلة تلقائياً خلال آخر { $days ->
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يوماً
       *[other] { $days } يوم
    }: وصلت { $sent }، قيد الإرسال { $waiting }، تعذّر إرسالها { $failed }، لمستخدمين أوقفوا البوت { $unreachable }.
rem-close = إغلاق
rem-closed = أُغلقت إعدادات التذكير.
rem-ask-value =
    { $rule }
    القيمة الحالية: { $value }
    القيمة الافتراضية: { $default }

    اكتب القيمة الجديدة. { $hint }
rem-hint-days = اكتب عدد الأيام (0 يوقف هذا التذكير).
rem-off = متوقف
rem-days = { $days ->
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يوماً
   *[other] { $days } يوم
}
rem-schedule-month = أول { $day } من كل شهر الساعة { $time }
rem-schedule-week = كل { $day } الساعة { $time }
rem-schedule-custom = جدول مخصّص من ملف الإعدادات
rem-ask-every =
    موعد تذكير ضباط الارتباط بتحديث الحالة
    الحالي: { $value }
    الافتراضي: { $default }

    متى يُرسل التذكير؟
rem-every-month = 🗓️ مرة في الشهر (أول يوم محدد منه)
rem-every-week = 🔁 كل أسبوع
rem-turn-off = ⏸️ إيقاف التذكير
rem-ask-day-month = في أي يوم؟ (أول يوم من هذا النوع في كل شهر)
rem-ask-day-week = في أي يوم من كل أسبوع؟
rem-ask-time = في أي ساعة (بتوقيت عمّان)؟ اختر، أو اكتب الوقت مثل 10:30.
rem-ask-days = اختر أيام العمل الرسمية (اضغط على اليوم لإضافته أو إزالته)، ثم «حفظ».
rem-save-days = 💾 حفظ
rem-days-empty = اختر يوماً واحداً على الأقل.
rem-hint-time = اكتب الوقت بصيغة الساعة:الدقيقة، مثل 21:00.
rem-default-button = ↩️ القيمة الافتراضية
rem-bad-value = لم أستطع قراءة هذه القيمة. { $hint }
rem-saved = حُفظ: { $rule } = { $value }
rem-reset = أُعيدت القيمة الافتراضية: { $rule }

command-reminders = قواعد التذكير
