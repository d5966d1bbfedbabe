## /recommend: choose a commitment, a theme, write, preview, confirm.

choose-commitment = Which commitment is your recommendation about?
choose-theme = Choose the theme of your recommendation within the commitment “{ $commitment }”:
theme-other = Another theme
ask-recommendation =
    Write your recommendation on the commitment “{ $commitment }” in one message.
    ({ $min } to { $max } characters)
ask-recommendation-again =
    Your current text:
    { $text }

    Write the new text in one message.
recommendation-too-short = Your recommendation is too short ({ $length } characters; at least { $min } are needed). Please add more detail.
recommendation-too-long = Your recommendation is longer than allowed ({ $length } characters; the limit is { $max }). Please shorten it or split it into two recommendations.
recommendation-empty = I received no words. Please write your recommendation as text.
recommendation-preview =
    Check your recommendation before sending it:

    Commitment: { $commitment }
    Theme: { $theme }

    { $text }
confirm-send = ✅ Send
edit-text = ✏️ Edit the text
recommendation-stored =
    Thank you! Your recommendation has arrived and is recorded under receipt number { $receipt }.
    We will tell you here when the liaison officer of the organisation concerned replies to it.
receipt = #{ NUMBER($id, useGrouping: 0) }

choose-commitment-for-text =
    Which commitment is this recommendation about? Your text is kept as you wrote it:

    “{ $text }”
recommendation-from-text =
    Your message looks like a recommendation:

    “{ $text }”

    Which commitment is it about? Choose the commitment and we keep your text as it is, or choose “Cancel” if it is not a recommendation.
recommendation-kept-for-later = Your message looks like a recommendation, and we have kept its text. Once you have registered we offer it back to you, to choose its commitment and send it.
recommendation-parked =
    You have a draft recommendation that was not sent:

    “{ $text }”

    Would you like to continue it?
recommendation-parked-untyped = You started a recommendation and chose its commitment but have not written it yet. Would you like to continue it?
recommendation-waiting = Your recommendation above is waiting for you: choose “✅ Send” to send it, or “✏️ Edit text” to change it.
recommendation-replace =
    You typed a new text while reviewing your recommendation:

    “{ $text }”

    Should it replace the recommendation's text? Neither text is lost until you choose.
replace-text = 🔁 Use the new text
send-previous-text = ✅ Send the earlier text

## Voice recommendations and an attached file.
recommendation-or-voice = Or send a voice note instead of writing (up to { $max }).
choose-commitment-for-voice = Which commitment is this recommendation about? Your recording is kept: { $voice }
voice-too-long = The recording is longer than allowed ({ $voice }; at most { $limit }). Record a shorter message, or write your recommendation.
voice-rerecord = 🎙️ Record again
voice-ask-again = Send a new voice note (up to { $max }), or write your recommendation instead.
voice-gone = Your recording is no longer kept (too much time has passed). Send a new recording or write your recommendation.
recommendation-file-kinds = You can attach a photo, or a PDF, Word or Excel file to your recommendation, or send a voice note instead of writing.
recommendation-file-attached = The file is attached to your recommendation: { $file }
recommendation-now-say-it = Now write your recommendation in one message, or send it as a voice note.
recommendation-preview-file = Attached file: { $file }
recommendation-preview-may-attach = (You can attach one photo or file by sending it here before you send.)
recommendation-file-gone = The attached file is no longer kept (too much time has passed), so we removed it from your recommendation. Send it again if you wish.
recommendation-from-voice =
    We received your voice note: { $voice }
    Which commitment is this recommendation about? Choose it and we keep your recording as it is, or choose “Cancel” if it is not a recommendation.
similar-title =
    { $count ->
        [one] There is a similar recommendation on this commitment; you can endorse it instead of sending yours:
       *[other] There are { $count } similar recommendations on this commitment; you can endorse one instead of sending yours:
    }
similar-item =
    { $receipt } — 👍 { $count }
    { $text }
similar-answer = ↩️ Answer: { $answer }
similar-endorse = 👍 Endorse { $receipt } instead
similar-send-anyway = ✅ Send mine anyway
