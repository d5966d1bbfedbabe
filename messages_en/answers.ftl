## The reasoned response (OGP's standard 4): one meaning of “answered” (storage/answers.py), a reason whenever
## input is not taken up in full, the author's notice previewed and quoting the recommendation.

inbox-ask-reason =
    Recommendation { $receipt } will be marked “{ $state }”.
    Write the reason for the decision; its author will receive it with their recommendation. This decision cannot be saved without a written reason.
inbox-reason-required = This decision needs a written reason for the recommendation's author. Please write the reason.
inbox-preview =
    This is what the recommendation's author will receive:

    { $notice }
inbox-preview-silent =
    This is what will be saved (its author has turned off reply notices or cannot be reached, so it will not be sent):

    { $notice }
inbox-send = ✅ Save and send
inbox-edit = ✏️ Edit the reply
inbox-use-preview-buttons = Check the reply above, then choose “✅ Save and send” or “✏️ Edit the reply”, or type /cancel.
inbox-missing-reason = ⚠️ Turned down (in full or in part) without a written reason: not counted as answered until the reason is added.
loop-answer-quote = 📝 Your recommendation: “{ $text }”
loop-answer-reason = 💬 Reply: { $response }
stats-missing-reason = ⚠️ { $count ->
    [one] One recommendation was turned down (in full or in part) without a written reason, so it does not count as answered
   *[other] { $count } recommendations were turned down (in full or in part) without a written reason, so they do not count as answered
}
rep-answers = Replies to the recommendations: { $answered } of { $total ->
    [one] one recommendation
   *[other] { $total } recommendations
} answered with a reasoned response (a decision, with its reason where the input was not adopted in full).
rep-answers-missing-reason = { $count ->
    [one] One of them was turned down (in full or in part) without a written reason, so it does not count as answered.
   *[other] { $count } of them were turned down (in full or in part) without a written reason, so they do not count as answered.
}
exp-col-answered = Answered (reasoned response)
exp-col-told = Author told
