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

recommend-no-such-commitment = The plan has no commitment number “{ $number }”. Choose one of the commitments:
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
