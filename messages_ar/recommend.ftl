## /recommend: choose a commitment, a theme, write, preview, confirm.

choose-commitment = على أي التزام تودّ تقديم توصيتك؟
choose-theme = اختر محور التوصية ضمن الالتزام «{ $commitment }»:
theme-other = محور آخر
ask-recommendation =
    اكتب توصيتك على الالتزام «{ $commitment }» في رسالة واحدة.
    (من { $min } إلى { $max } حرف)
ask-recommendation-again =
    نصك الحالي:
    { $text }

    اكتب النص الجديد في رسالة واحدة.
recommendation-too-short = التوصية قصيرة جداً ({ $length ->
    [one] حرف واحد
    [two] حرفان
    [few] { $length } أحرف
    [many] { $length } حرفاً
   *[other] { $length } حرف
}، والحد الأدنى { $min }). أضف تفاصيل أكثر من فضلك.
recommendation-too-long = التوصية أطول من المسموح ({ $length ->
    [few] { $length } أحرف
    [many] { $length } حرفاً
   *[other] { $length } حرف
}، والحد الأقصى { $max }). اختصرها أو قسّمها إلى توصيتين.
recommendation-empty = لم تصلني أي كلمات. اكتب توصيتك نصاً من فضلك.
recommendation-preview =
    راجع توصيتك قبل الإرسال:

    الالتزام: { $commitment }
    المحور: { $theme }

    { $text }
confirm-send = ✅ إرسال
edit-text = ✏️ تعديل النص
recommendation-stored =
    شكراً لك! وصلت توصيتك وسُجّلت برقم الإيصال { $receipt }.
    سنبلغك هنا عندما يرد عليها ضابط الارتباط في الجهة المعنية.
receipt = #{ NUMBER($id, useGrouping: 0) }

choose-commitment-for-text =
    على أي التزام هذه التوصية؟ نصك محفوظ كما كتبته:

    «{ $text }»
recommendation-from-text =
    يبدو أن رسالتك توصية:

    «{ $text }»

    على أي التزام هي؟ اختر الالتزام وسنحتفظ بنصك كما هو، أو اختر «إلغاء» إن لم تكن توصية.
recommendation-kept-for-later = يبدو أن رسالتك توصية، وقد احتفظنا بنصها. بعد التسجيل نعرضها عليك لتختار الالتزام وترسلها.
recommendation-parked =
    لديك مسودة توصية لم تُرسل:

    «{ $text }»

    هل تريد متابعتها؟
recommendation-parked-untyped = بدأت توصية واخترت التزامها ولم تكتب نصها بعد. هل تريد متابعتها؟
recommendation-waiting = توصيتك أعلاه بانتظار قرارك: اختر «✅ إرسال» لإرسالها، أو «✏️ تعديل النص» لتغييرها.
recommendation-replace =
    كتبت نصاً جديداً وأنت تراجع توصيتك:

    «{ $text }»

    هل تستبدل به نص التوصية؟ لن يضيع أي من النصين قبل أن تختار.
replace-text = 🔁 استبدال النص بالجديد
send-previous-text = ✅ إرسال النص السابق

## Voice recommendations and an attached file.
recommendation-or-voice = أو أرسل تسجيلاً صوتياً بدلاً من الكتابة (حتى { $max }).
choose-commitment-for-voice = على أي التزام هذه التوصية؟ تسجيلك محفوظ: { $voice }
voice-too-long = التسجيل أطول من المسموح ({ $voice }؛ الحد الأقصى { $limit }). سجّل رسالة أقصر، أو اكتب توصيتك نصاً.
voice-rerecord = 🎙️ تسجيل جديد
voice-ask-again = أرسل تسجيلاً صوتياً جديداً (حتى { $max })، أو اكتب توصيتك نصاً بدلاً منه.
voice-gone = لم يعد تسجيلك محفوظاً لدينا (مرّ عليه وقت طويل). أرسل تسجيلاً جديداً أو اكتب توصيتك نصاً.
recommendation-file-kinds = يمكنك إرفاق صورة أو ملف PDF أو Word أو Excel بتوصيتك، أو إرسال تسجيل صوتي بدلاً من الكتابة.
recommendation-file-attached = أرفقنا الملف بتوصيتك: { $file }
recommendation-now-say-it = اكتب الآن توصيتك في رسالة واحدة، أو أرسلها تسجيلاً صوتياً.
recommendation-preview-file = الملف المرفق: { $file }
recommendation-preview-may-attach = (يمكنك إرفاق صورة أو ملف واحد بإرساله هنا قبل الإرسال.)
recommendation-file-gone = لم يعد الملف المرفق محفوظاً لدينا (مرّ عليه وقت طويل)، فأزلناه من توصيتك. أرسله مرة أخرى إن أردت.
recommendation-from-voice =
    وصلنا تسجيلك الصوتي: { $voice }
    على أي التزام هذه التوصية؟ اختر الالتزام وسنحتفظ بتسجيلك كما هو، أو اختر «إلغاء» إن لم يكن توصية.
similar-title =
    { $count ->
        [one] توجد توصية مشابهة على هذا الالتزام؛ يمكنك تأييدها بدل إرسال توصيتك:
        [two] توجد توصيتان مشابهتان على هذا الالتزام؛ يمكنك تأييد إحداهما بدل إرسال توصيتك:
        [few] توجد { $count } توصيات مشابهة على هذا الالتزام؛ يمكنك تأييد إحداها بدل إرسال توصيتك:
       *[other] توجد { $count } توصيات مشابهة على هذا الالتزام؛ يمكنك تأييد إحداها بدل إرسال توصيتك:
    }
similar-item =
    { $receipt } — 👍 { $count }
    { $text }
similar-answer = ↩️ الرد: { $answer }
similar-endorse = 👍 أؤيد { $receipt } بدل إرسال توصيتي
similar-send-anyway = ✅ أرسل توصيتي على أي حال
