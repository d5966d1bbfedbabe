## WhatsApp: the words the channel adds itself, and the coordinators' view of held messages.

wa-list-button = Choose
wa-more = More ➡️
wa-choose = Choose one of these:
wa-more-body = More choices:
wa-file-kept = We could not store the file you just sent, but it is not lost: we will try again automatically and carry on where you left off, so there is no need to send it again.

wa-held-title =
    { $count ->
        [0] There are no held messages.
        [one] One message is held because the person has not written to us for more than 24 hours (WhatsApp's rule):
       *[other] { $count } messages are held because the people they are for have not written to us for more than 24 hours (WhatsApp's rule):
    }
wa-held-line = • #{ $id } to { $name } — since { $date }
wa-held-unnamed = Unregistered participant
wa-held-footer = These messages go out automatically when the people they are for write to the bot. To send them now, set up an approved message template in the WhatsApp settings.
wa-command-held = Held WhatsApp messages (outside the 24-hour window)
