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
recommendation-too-short = التوصية قصيرة جداً ({ $length } من { $min } أحرف على الأقل). أضف تفاصيل أكثر من فضلك.
recommendation-too-long = التوصية أطول من المسموح ({ $length } حرفاً، والحد الأقصى { $max }). اختصرها أو قسّمها إلى توصيتين.
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
