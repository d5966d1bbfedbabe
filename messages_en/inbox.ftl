## /inbox: recommendations as liaison officers and coordinators answer them; hiding.

inbox-empty = There are no recommendations on your commitments yet.
inbox-title = { $unanswered ->
    [0] All recommendations ({ $total }) have a reply
    [one] One recommendation of { $total } is waiting for a reply
   *[other] { $unanswered } of { $total } recommendations are waiting for a reply
} ({ $shown }, oldest first).
inbox-item =
    { $receipt } — Commitment { $number } — { $date } — { $state }
    { $text }
inbox-hidden-mark = 🚫 Hidden from the public
inbox-detail =
    Recommendation { $receipt } — Commitment { $number }
    Theme: { $theme }
    From: { $author } ({ $organisation }) — { $date }
    State: { $state } — Endorsements: { $endorsements }

    { $text }
inbox-current-response = 💬 Current reply: { $response }
inbox-hidden-reason = 🚫 Hidden from the public. Reason: { $reason }
inbox-back = ↩️ Back to the list
inbox-ask-response =
    Recommendation { $receipt } will be marked “{ $state }”.
    Now write the reply its author will receive, or change the state without a written reply.
inbox-no-response = Change the state without a reply
inbox-response-length = The reply must be between { $min } and { $max } characters (you wrote { $length }).
inbox-answered = The reply to recommendation { $receipt } is saved and will reach its author.
inbox-answered-silent = The reply to recommendation { $receipt } is saved. (Its author has turned off reply notices or cannot be reached.)

hide-button = 🚫 Hide from public
unhide-button = 👁 Show to public
hide-ask-reason = Why is recommendation { $receipt } being hidden? Write the reason (it is kept with the recommendation and the public does not see it).
hide-reason-length = The reason must be between { $min } and { $max } characters.
hide-done = Recommendation { $receipt } is hidden from public views and counts, and remains stored.
unhide-done = Recommendation { $receipt } is visible to the public again.

loop-answer =
    📬 Your recommendation { $receipt } (commitment { $number }) has received a reply.
    Its state is now: { $state }
loop-answer-response = 💬 Reply: { $response }

## Transcripts of voice recommendations, written by people.
inbox-no-transcript = ✍️ No transcript yet: listen to the recording above and write what it says.
inbox-transcribe = ✍️ Write transcript
inbox-transcribe-again = ✍️ Edit transcript
inbox-ask-transcript = Write what the recording of recommendation { $receipt } says, as it is, in one message. It will appear with the recording wherever the recommendation does.
inbox-transcript-draft =
    A machine draft of the transcript (check it before accepting it):
    { $draft }
inbox-transcript-accept = ✅ Accept the draft
inbox-transcript-length = A transcript must be { $min } to { $max } characters long (I received { $length }).
inbox-transcript-saved = The transcript of recommendation { $receipt } is saved.
search-how = Type the words after the command, for example: /search steering committee minutes
search-none = No recommendations or updates match “{ $words }”.
search-title =
    { $total ->
        [one] One result for “{ $words }”:
       *[other] { $total } results for “{ $words }” ({ $first } to { $last }, newest first):
    }
search-item-recommendation =
    Recommendation { $receipt } — commitment { $number } — { $date }
    { $text }
search-item-update =
    Update on commitment { $number } — { $date }
    { $text }
search-open = Open { $receipt }
search-open-update = Open commitment { $number }
inbox-own-answer = Recommendation { $receipt } is your own, so you cannot answer it, and no answer was saved. Another liaison officer or a coordinator will answer it.
