# What the bot answers to a message no step asked for (handlers/intent.py reads what it is).
name-greeting = أهلاً وسهلاً بك! لنبدأ بالتسجيل.
name-is-it = هل «{ $name }» هو اسمك؟ إن لم يكن اسمك فاختر «لا» واكتب اسمك.
name-is-yes = ✅ نعم، هذا اسمي
name-is-no = ✏️ لا، سأكتب اسمي
intent-greeting = أهلاً بك! اختر مما يلي ما تريد، أو اكتب توصيتك على أحد الالتزامات مباشرة.
intent-thanks = العفو، يسعدنا تواصلك! إن احتجت شيئاً آخر فاختر مما يلي.
recommendation-needs-words = التوصية تحتاج إلى كلمات تشرح ما تقترحه، لا رموزاً أو أرقاماً فقط. اكتبها من جديد من فضلك.
date-no-such-day = لا يوجد يوم { $day } في الشهر { $month } من سنة { $year }؛ فيه { $days ->
    [few] { $days } أيام
    [many] { $days } يوماً
   *[other] { $days } يوم
} فقط. اكتب التاريخ من جديد.
round-deadline-before-meeting = آخر موعد للمشاركات ({ $deadline }) قبل موعد الجولة ({ $date }). اكتب موعداً في يوم الجولة أو بعده.
round-questions-need-words = كل سؤال يحتاج إلى كلمات، لا أرقام فقط. اكتب أسئلتك، سؤالاً في كل سطر، أو اختر الأسئلة المقترحة.
round-preview-typed = لم يتغير شيء في الجولة. راجعها أدناه ثم اختر أحد الأزرار، أو ألغِ وابدأ من جديد لتعديلها.
opened-resume = أهلاً بعودتك! نكمل من حيث توقفت:
inbox-reason-too-short = هذا الرد لا يذكر سبباً. اكتب سبب القرار في { $min ->
    [few] { $min } أحرف
    [many] { $min } حرفاً
   *[other] { $min } حرف
} على الأقل، ليعرف صاحب التوصية لماذا لم تُعتمد كاملة.
append-text = ➕ إضافته إلى نص التوصية
recommendation-parked-two =
    لديك مسودة توصية لم تُرسل:

    «{ $text }»

    ونص جديد كتبته وأنت تراجعها:

    «{ $new }»

    هل تريد متابعتها؟
parked-drop-confirm = هل تحذف هذه المسودة نهائياً؟ لا يمكن استرجاعها بعد الحذف.
parked-drop-yes = 🗑️ نعم، احذفها
round-parked = لديك جولة تشاور بدأت إعدادها ولم تحفظها: «{ $name }». هل تريد متابعة إعدادها؟
inbox-parked = بدأت الرد على التوصية { $receipt } ولم ترسله بعد. هل تريد متابعته؟
question-offer =
    يبدو أن رسالتك سؤال:

    «{ $text }»

    هل نرسله إلى فريق التنسيق؟ يصلهم في صندوق الوارد، ويردّون عليك.
question-send = 📨 إرسال السؤال إلى المنسقين
question-sent = وصل سؤالك إلى فريق التنسيق (رقم { $number }). سيردّون عليك هنا.
inbox-questions = ❓ أسئلة إلى المنسقين: { $total }
inbox-question-line = • «{ $text }» — { $asker }، { $date }
# Words people type, read by handlers/intent.py (never shown): entries separated by «|», compared without
# diacritics, hamza or teh marbuta; every language's lists are read together.
words-greeting = مرحبا | مرحبتين | أهلا | هلا | السلام عليكم | سلام | صباح الخير | مساء الخير | صباح النور | مساء النور | كيف حالك | كيفك
words-thanks = شكرا | مشكور | مشكورين | يعطيكم العافية | يعطيك العافية | جزاكم الله | بارك الله
words-yes = نعم | أجل | ايوه | اي | بلى | موافق | أوافق
words-no = لا | كلا
words-question = متى | كيف | هل | ماذا | لماذا | أين | كم | ايش | شو | وين | ليش
words-yes-label = نعم | أوافق | موافق
