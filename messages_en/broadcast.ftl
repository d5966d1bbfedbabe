## /broadcast: a coordinator's message to many people, and its delivery summary.

bc-ask-text = Write the message you want to send (up to { $max } characters).
bc-use-buttons = Please choose from the buttons above, or cancel.
bc-text-length = The message must be between 1 and { $max } characters long, and yours is { $length }. Please write it again.
bc-choose-audience = Who should receive this message?
bc-audience-all = 👥 Everyone registered
bc-audience-followers = 🔔 Commitment followers
bc-audience-liaisons = 🏛 Liaison officers
bc-audience-round = 🗣 A round's participants
bc-choose-commitment = Choose the commitment whose followers you want to write to:
bc-choose-round = Choose the consultation round:
bc-no-rounds = There are no consultation rounds yet.
bc-preview =
    Message preview:

    { $text }

    { $count ->
        [0] Nobody would receive this message.
        [one] It will reach one person.
       *[other] It will reach { $count } people.
    }
bc-quiet-hours = It is now within quiet hours, so it will be sent on { $date } at { $time }.
bc-send-button = ✅ Send
bc-cancel-button = ✖️ Cancel
bc-cancelled = The message was cancelled and nothing was sent.
bc-heading =
    📢 A message from the coordination team:

    { $text }
bc-queued = { $count ->
    [0] The message was not sent: there is nobody to receive it.
    [one] The message is queued for one person. I will tell you how delivery went when it is finished.
   *[other] The message is queued for { $count } people. I will tell you how delivery went when it is finished.
}
bc-summary =
    Your broadcast to { $total ->
        [one] one person
       *[other] { $total } people
    } has finished:
    ✅ Delivered: { $sent }
    ⚠️ Could not be sent: { $failed }
    🚫 Stopped the bot: { $unreachable }

command-broadcast = Broadcast a message

# Who gets which text: one line per language its readers read (a coordinator may write one text per language).
bc-readers-same = 🌐 { $language }: { $count ->
        [one] one person
       *[other] { $count } people
    }, who get the text above.
bc-readers-own =
    🌐 { $language }: { $count ->
        [one] one person
       *[other] { $count } people
    }, who get this text:

    { $text }
bc-version-button = ✍️ Own text for readers of { $language }
bc-ask-version = Write the message for those who read the bot in { $language } (up to { $max } characters). Everyone else gets the first text.
