## The reasoned response (OGP's standard 4): one meaning of «answered» (storage/answers.py), a reason whenever
## input is not taken up in full, the author's notice previewed and quoting the recommendation.

inbox-ask-reason =
    ستصبح حالة التوصية { $receipt }: «{ $state }».
    اكتب سبب القرار؛ سيصل إلى صاحب التوصية مع نص توصيته. لا يُحفظ هذا القرار دون سبب مكتوب.
inbox-reason-required = هذا القرار يحتاج إلى سبب مكتوب يصل إلى صاحب التوصية. اكتب السبب من فضلك.
inbox-preview =
    هذا ما سيصل إلى صاحب التوصية:

    { $notice }
inbox-preview-silent =
    هذا ما سيُحفظ (صاحب التوصية أوقف إشعارات الردود أو لا يمكن الوصول إليه، فلن يصله):

    { $notice }
inbox-send = ✅ حفظ وإرسال
inbox-edit = ✏️ تعديل الرد
inbox-use-preview-buttons = راجع الرد أعلاه ثم اختر «✅ حفظ وإرسال» أو «✏️ تعديل الرد»، أو اكتب /cancel للإلغاء.
inbox-missing-reason = ⚠️ رُفضت كلياً أو جزئياً دون سبب مكتوب: لا تُحسب ردّاً حتى يُضاف السبب.
loop-answer-quote = 📝 توصيتك: «{ $text }»
loop-answer-reason = 💬 الرد: { $response }
stats-missing-reason = ⚠️ { $count ->
    [one] توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً
    [two] توصيتان رُفضتا كلياً أو جزئياً دون سبب مكتوب، فلا تُحسبان ردّاً
    [few] { $count } توصيات رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً
   *[other] { $count } توصية رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً
}
rep-answers = الرد على التوصيات: { $total ->
    [one] { $answered ->
        [0] لم يُجب بعد عن التوصية الوحيدة
       *[other] أُجيب عن التوصية الوحيدة
    }
    [two] أُجيب عن { $answered } من أصل توصيتين
    [few] أُجيب عن { $answered } من أصل { $total } توصيات
   *[other] أُجيب عن { $answered } من أصل { $total } توصية
} بردّ معلّل (قرار، مع سببه إن لم تُعتمد كاملة).
rep-answers-missing-reason = { $count ->
    [one] منها توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً.
    [two] منها توصيتان رُفضتا كلياً أو جزئياً دون سبب مكتوب، فلا تُحسبان ردّاً.
    [few] منها { $count } توصيات رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً.
   *[other] منها { $count } توصية رُفضت كلياً أو جزئياً دون سبب مكتوب، فلا تُحسب ردّاً.
}
exp-col-answered = أُجيبت (رد معلّل)
exp-col-told = إبلاغ صاحبها
