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
