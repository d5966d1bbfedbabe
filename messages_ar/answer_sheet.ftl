## /inbox: recommendations answered from a spreadsheet — downloaded, filled in Excel, checked as a whole, confirmed.

answer-sheet-download-button = 📤 تنزيل للإجابة في Excel
answer-sheet-upload-button = 📥 الإجابة من جدول
answer-sheet-all-button = 📤 جدول بكل التوصيات (لا المنتظرة وحدها)
answer-sheet-caption = { $count ->
    [one] جدول فيه توصية واحدة.
    [two] جدول فيه توصيتان.
    [few] جدول فيه { $count } توصيات.
    [many] جدول فيه { $count } توصية.
   *[other] جدول فيه { $count } توصية.
} املأ عمودي «الحالة الجديدة» و«الرد أو السبب»، ثم أعد إرساله هنا. القواعد في الورقة الثانية.
answer-sheet-empty = لا توجد توصيات بانتظار الرد على التزاماتك. يمكنك تنزيل جدول بكل التوصيات.
answer-sheet-ask-file = أرسل جدول الإجابات (ملف XLSX كما نزّلته من هنا) بعد ملء عمودي «الحالة الجديدة» و«الرد أو السبب». سأفحص كل صف وأعرض عليك ما سيُحفظ قبل حفظ أي شيء.
answer-sheet-not-xlsx = هذا ليس جدول إجابات بصيغة XLSX. أرسل الملف الذي نزّلته من «{ $button }» بعد ملئه.
answer-sheet-no-columns = لم أجد أعمدة جدول الإجابات (رقم التوصية، الحالة الجديدة، الرد أو السبب) في الصف الأول.
answer-sheet-preview = { $count ->
    [zero] لن يُعطى أي رد من هذا الجدول.
    [one] سيُعطى رد واحد:
    [two] سيُعطى ردّان:
    [few] ستُعطى { $count } ردود:
    [many] سيُعطى { $count } رداً:
   *[other] سيُعطى { $count } رد:
}
answer-sheet-preview-state = • { $state }: { $count }
answer-sheet-unchanged = { $count ->
    [one] صف واحد مطابق لما هو محفوظ، فلن يتغيّر.
    [two] صفّان مطابقان لما هو محفوظ، فلن يتغيّرا.
    [few] { $count } صفوف مطابقة لما هو محفوظ، فلن تتغيّر.
    [many] { $count } صفاً مطابقة لما هو محفوظ، فلن تتغيّر.
   *[other] { $count } صف مطابقة لما هو محفوظ، فلن تتغيّر.
}
answer-sheet-refused = { $count ->
    [one] رُفض صف واحد:
    [two] رُفض صفّان:
    [few] رُفضت { $count } صفوف:
    [many] رُفض { $count } صفاً:
   *[other] رُفض { $count } صف:
}
answer-sheet-then = أكّد لإعطاء هذه الردود وإبلاغ أصحاب التوصيات، أو أرسل جدولاً مصحّحاً.
answer-sheet-nothing = لا شيء يُحفظ من هذا الجدول. صحّحه وأعد إرساله.
answer-sheet-apply = ✅ إعطاء الردود
answer-sheet-stale = تغيّرت التوصية { $receipt } منذ فحص الجدول، فلم يُحفظ شيء. أعد إرسال الجدول.
answer-sheet-done = { $count ->
    [one] أُعطي رد واحد من الجدول
    [two] أُعطي ردّان من الجدول
    [few] أُعطيت { $count } ردود من الجدول
    [many] أُعطي { $count } رداً من الجدول
   *[other] أُعطي { $count } رد من الجدول
}، وأُبلغ { $told ->
    [zero] لا أحد من أصحابها
    [one] صاحب توصية واحدة
    [two] صاحبا توصيتين
    [few] أصحاب { $told } توصيات
    [many] أصحاب { $told } توصية
   *[other] أصحاب { $told } توصية
}.
answer-sheet-cancelled = أُلغيت الإجابة من الجدول، ولم يُحفظ شيء منه.
answer-sheet-row-number = «رقم التوصية» يجب أن يكون رقماً (وجدت «{ $value }»).
answer-sheet-row-unknown = لا توجد توصية رقمها «{ $value }».
answer-sheet-row-not-yours = التوصية { $receipt } على الالتزام { $number }، ولا تتولاه.
answer-sheet-row-hidden = التوصية { $receipt } مخفية عن العموم: أظهرها أولاً من /inbox.
answer-sheet-row-merged-into = التوصية { $receipt } مضمومة إلى { $kept }: اكتب الرد في صف { $kept }، فيصل إلى أصحابهما جميعاً.
answer-sheet-row-hidden-row = الصف مخفي في الجدول: أظهره وراجعه قبل الإرسال.
answer-sheet-row-merged = في الصف خلايا مدمجة: افصلها حتى يكون لكل توصية صفها.
answer-sheet-row-state = الحالة «{ $value }» غير معروفة. القيم الممكنة: { $choices }.
answer-sheet-row-no-state = كُتب رد دون «الحالة الجديدة».
answer-sheet-row-reason = الحالة «{ $state }» تحتاج إلى سبب مكتوب في «الرد أو السبب».
answer-sheet-row-length = الرد يجب أن يكون بين { $min } و{ $max } حرف (وجدت { $length }).
answer-sheet-row-changed = أُجيبت التوصية { $receipt } بعد تنزيل الجدول برد آخر ({ $state }). نزّل جدولاً جديداً أو راجعها في /inbox.
answer-sheet-row-twice = التوصية { $receipt } مكرّرة: وردت قبل ذلك في الصف { $first }.
answer-sheet-title = الردود
answer-sheet-rules-title = القواعد
answer-sheet-col-new-state = الحالة الجديدة
answer-sheet-col-new-response = الرد أو السبب
answer-sheet-col-version = نسخة الرد
answer-sheet-state-error-title = حالة غير معروفة
answer-sheet-state-error = اختر الحالة من القائمة.
answer-sheet-rules =
    كيف تُملأ هذه الورقة
    • لكل توصية صف. املأ عمودي «الحالة الجديدة» (من القائمة) و«الرد أو السبب» فقط، واترك الصف فارغاً إن لم تقرّر بعد.
    • «اعتُمدت جزئياً» و«لم تُعتمد» لا تُقبلان دون سبب مكتوب: هذا ما يطلبه معيار الشراكة للرد المعلّل.
    • الرد يُرسل كما هو إلى صاحب التوصية، ويُنشر في السجل العام مع تاريخه.
    • لا تخفِ صفوفاً ولا تدمج خلايا، ولا تغيّر رقم التوصية ولا العمود المخفي «نسخة الرد».
    • أرسل الجدول إلى البوت: سيعرض عليك عدد الردود وكل صف مرفوض وسببه قبل حفظ أي شيء.
    • إن أُجيبت توصية برد آخر بعد تنزيل الجدول رُفض صفها: نزّل جدولاً جديداً.
    • إرسال الجدول نفسه مرة ثانية لا يغيّر شيئاً.
answer-sheet-rules-states = الحالات الممكنة
