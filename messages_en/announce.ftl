## A round's timeline (OGP standard 3): when it is announced, a notice shorter than two weeks, the announcement.

announce-ask-date =
    When is this round's timeline announced to the public (or when was it)? Type the date, or choose “Today”.
    OGP's standards ask for the timeline to be published at least two weeks before participation starts.
announce-today-button = 📅 Today
announce-after-round = The announcement date is after the round. Type a date on or before it.
announce-short-notice = { $days ->
    [0] The round is held on the very day it is announced
    [one] The round is held only one day after it is announced
   *[other] The round is held only { $days } days after it is announced
}, and OGP's standards ask for the timeline to be published at least two weeks ahead. Do you confirm? Your confirmation is recorded with the round.
announce-short-confirm = ✅ Yes, I confirm
announce-short-change = ✏️ Change the announcement date
announce-line = Announced: { $date } { $days ->
    [-1] (the round's date is not set)
    [0] (on the day of the round)
    [one] (one day before it)
   *[other] ({ $days } days before it)
}
announce-line-none = Announced: no date set
announce-line-confirmed = — ⚠️ less than two weeks, confirmed by the coordinator
announce-sent-line = 📣 The announcement was sent on { $date } to { $count ->
    [0] nobody
    [one] one person
   *[other] { $count } people
}.
announce-button = 📣 Announce
announce-text =
    📣 An invitation to take part in a consultation round: { $name }
    Date: { $date }
    Place: { $place }
    Deadline for input: { $deadline }

    { $joining }
announce-preview =
    This will reach { $count ->
        [0] nobody at the moment
        [one] one person
       *[other] { $count } people
    } (everyone registered who has not turned news off), once:

    { $text }
announce-send = ✅ Send the announcement
announce-already = This round's announcement was sent before; it is never sent twice.
announce-queued = { $count ->
    [0] Nobody can receive the announcement.
    [one] The announcement will reach one person.
   *[other] The announcement will reach { $count } people.
} You will get the delivery summary when it is done.

rem-forum-due = 🗓️ No consultation round or forum meeting has been held since { $date }, more than five months ago. OGP's standards ask the forum to meet at least every six months: set the date of the next round and announce it at least two weeks ahead.
rem-forum-never = 🗓️ No consultation round or forum meeting has been recorded since the bot came into use on { $date }, more than five months ago. OGP's standards ask the forum to meet at least every six months.
rem-button-round = 🗓️ Consultation rounds
announce-readers = 🌐 { $language }: { $count ->
        [one] one person
       *[other] { $count } people
    }, who get the announcement in their language.
