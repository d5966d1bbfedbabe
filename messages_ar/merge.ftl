## Merging duplicates: one recommendation kept, the others linked to it, every author told.

raised-by = { $count ->
    [zero] لم يطرحها أحد بعد
    [one] طرحها شخص واحد أو مجموعة واحدة
    [two] طرحها شخصان أو مجموعتان
    [few] طرحها { $count } أشخاص أو مجموعات
    [many] طرحها { $count } شخصاً أو مجموعة
   *[other] طرحها { $count } شخص أو مجموعة
}
merge-button = 🔗 هي نفسها التوصية رقم…
unmerge-button = ↩️ فصلها عن { $kept }
merge-ask = أي توصية تقول ما تقوله { $merged }؟ اكتب رقم التوصية التي تبقى (مثل 12)، وستُضم إليها { $merged }.
merge-not-number = اكتب رقم توصية بالأرقام، مثل 12.
merge-refused = لا يمكن ضم { $merged } إلى { $kept }: يجب أن تكون توصية أخرى على الالتزام نفسه، غير مضمومة إلى غيرها، ومما تردّ عليه.
merge-preview =
    ستُضم { $merged } إلى { $kept } وتبقى { $kept }:

    الباقية { $kept }: { $kept_text }

    المضمومة { $merged }: { $merged_text }

    بعد الضم: { $raised }. سيُبلَّغ صاحبا التوصيتين، ويصل الرد على { $kept } إلى كل من طرحها.
merge-confirm = ✅ ضمّها
merge-use-buttons = اختر «ضمّها» أو «إلغاء».
merge-done = ضُمّت { $merged } إلى { $kept }.
merge-told-merged =
    توصيتك { $merged } على الالتزام { $number } تقول ما تقوله التوصية { $kept }، فضُمّتا معاً: يصلك الرد على { $kept }، ويُحسب تأييد توصيتك هناك.

    «{ $text }»
merge-told-kept = التوصية { $merged } تقول ما تقوله توصيتك { $kept }، فضُمّتا معاً. التوصية { $kept } الآن: { $raised }.
unmerge-done = فُصلت { $merged } عن { $kept }، وسيُردّ عليها وحدها.
unmerge-told = فُصلت توصيتك { $merged } عن التوصية { $kept }، وسيُردّ عليها وحدها.
merge-mark = 🔗 مضمومة إلى { $kept }: الرد عليها يكون على { $kept }.
merge-members = 🔗 ضُمّت إليها: { $receipts }
dup-button = { $count ->
    [one] 🔗 توصية واحدة متشابهة
    [two] 🔗 توصيتان متشابهتان
    [few] 🔗 { $count } متشابهة
   *[other] 🔗 { $count } متشابهة
}
dup-title = { $count ->
    [one] توصية واحدة تنتظر الرد تشبه { $kept }. ضُمّها إلى { $kept } ثم ردّ على { $kept } مرة واحدة، فيصل الرد إلى كل من طرحها.
    [two] توصيتان تنتظران الرد تشبهان { $kept }. ضُمّهما إلى { $kept } ثم ردّ على { $kept } مرة واحدة، فيصل الرد إلى كل من طرحها.
    [few] { $count } توصيات تنتظر الرد تشبه { $kept }. ضُمّها إلى { $kept } ثم ردّ على { $kept } مرة واحدة، فيصل الرد إلى كل من طرحها.
   *[other] { $count } توصية تنتظر الرد تشبه { $kept }. ضُمّها إلى { $kept } ثم ردّ على { $kept } مرة واحدة، فيصل الرد إلى كل من طرحها.
}
dup-item =
    { $receipt } — { $sector }
    { $text }
dup-merge = 🔗 دمج { $merged } في هذه
dup-none = لم تعد هناك توصيات تنتظر الرد تشبه { $kept }.
dup-back = ↩️ العودة إلى { $kept }
