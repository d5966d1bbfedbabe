## /inbox: recommendations as liaison officers and coordinators answer them; hiding.

inbox-empty = لا توجد توصيات على التزاماتك بعد.
inbox-title = { $unanswered ->
    [zero] { $total ->
        [one] التوصية الواردة لها رد.
        [two] التوصيتان الواردتان لهما رد.
        [few] كل التوصيات لها رد ({ $total } توصيات).
       *[other] كل التوصيات لها رد ({ $total } توصية).
    }
    [one] توصية واحدة بانتظار الرد من أصل { $total ->
        [one] توصية واحدة
        [two] توصيتين
        [few] { $total } توصيات
       *[other] { $total } توصية
    }.
    [two] توصيتان بانتظار الرد من أصل { $total ->
        [two] توصيتين
        [few] { $total } توصيات
       *[other] { $total } توصية
    }.
    [few] { $unanswered } توصيات بانتظار الرد من أصل { $total ->
        [few] { $total } توصيات
       *[other] { $total } توصية
    }.
   *[other] { $unanswered } توصية بانتظار الرد من أصل { $total } توصية.
} ({ $shown }، الأقدم أولاً)
inbox-item =
    { $receipt } — الالتزام { $number } — { $date } — { $state }
    { $text }
inbox-hidden-mark = 🚫 مخفية عن العموم
inbox-detail =
    التوصية { $receipt } — الالتزام { $number }
    المحور: { $theme }
    من: { $author } ({ $organisation }) — { $date }
    الحالة: { $state } — المؤيدون: { $endorsements }

    { $text }
inbox-current-response = 💬 الرد الحالي: { $response }
inbox-hidden-reason = 🚫 مخفية عن العموم. السبب: { $reason }
inbox-back = ↩️ العودة إلى القائمة
inbox-ask-response =
    ستصبح حالة التوصية { $receipt }: «{ $state }».
    اكتب الآن ردك الذي سيصل إلى صاحب التوصية، أو اختر الإرسال دون رد مكتوب.
inbox-no-response = تغيير الحالة دون رد مكتوب
inbox-response-length = الرد يجب أن يكون بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
} (كتبت { $length }).
inbox-answered = حُفظ الرد على التوصية { $receipt } وسيصل إلى صاحبها.
inbox-answered-silent = حُفظ الرد على التوصية { $receipt }. (صاحبها أوقف إشعارات الردود أو لا يمكن الوصول إليه.)

hide-button = 🚫 إخفاء عن العموم
unhide-button = 👁 إظهار للعموم
hide-ask-reason = لماذا تُخفى التوصية { $receipt }؟ اكتب السبب (يُحفظ معها ولا يراه العموم).
hide-reason-length = السبب يجب أن يكون بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}.
hide-done = أُخفيت التوصية { $receipt } عن العرض العام والأعداد، وبقيت محفوظة.
unhide-done = أصبحت التوصية { $receipt } ظاهرة للعموم من جديد.

loop-answer =
    📬 وصل رد على توصيتك { $receipt } (الالتزام { $number }).
    الحالة الآن: { $state }
loop-answer-response = 💬 الرد: { $response }

## Transcripts of voice recommendations, written by people.
inbox-no-transcript = ✍️ لم يُكتب تفريغها النصي بعد: استمع إلى التسجيل أعلاه واكتب ما يقوله.
inbox-transcribe = ✍️ كتابة التفريغ
inbox-transcribe-again = ✍️ تعديل التفريغ
inbox-ask-transcript = اكتب ما يقوله تسجيل التوصية { $receipt } كما هو، في رسالة واحدة. سيظهر مع التسجيل في كل مكان تظهر فيه التوصية.
inbox-transcript-draft =
    مسودة آلية للتفريغ (راجعها قبل اعتمادها):
    { $draft }
inbox-transcript-accept = ✅ اعتماد المسودة
inbox-transcript-length = يجب أن يكون التفريغ بين { $min } و{ $max } حرف (وصلني { $length }).
inbox-transcript-saved = حُفظ التفريغ النصي للتوصية { $receipt }.
search-how = اكتب الكلمات بعد الأمر، مثلاً: /search محاضر اللجنة التوجيهية
search-none = لا توجد توصيات ولا تحديثات تطابق «{ $words }».
search-title =
    { $total ->
        [one] نتيجة واحدة لـ«{ $words }»:
        [two] نتيجتان لـ«{ $words }»:
        [few] { $total } نتائج لـ«{ $words }» (من { $first } إلى { $last }، الأحدث أولاً):
       *[other] { $total } نتيجة لـ«{ $words }» (من { $first } إلى { $last }، الأحدث أولاً):
    }
search-item-recommendation =
    التوصية { $receipt } — الالتزام { $number } — { $date }
    { $text }
search-item-update =
    تحديث على الالتزام { $number } — { $date }
    { $text }
search-open = فتح { $receipt }
search-open-update = فتح الالتزام { $number }
inbox-own-answer = التوصية { $receipt } توصيتك أنت، فلا يمكنك الرد عليها ولم يُحفظ أي رد. يرد عليها ضابط ارتباط آخر أو أحد المنسقين.
