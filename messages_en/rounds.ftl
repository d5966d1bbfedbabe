## Consultation rounds: the coordinator's /round, joining a working group, the group's view and the round's figures.

menu-rounds = 🗓️ Consultation rounds
menu-group = 👥 My working group
keyword-group = group
keyword-round = rounds

## The discussion questions every working group takes by default (as in the first stakeholder meeting).
rq-default-progress = How far has work on the commitment progressed?
rq-default-challenges = What challenges does implementation face?
rq-default-expectations = What do you expect of the commitment by the end of the plan?
rq-default-mechanisms = How can implementation be moved forward and completed?
rq-default-civil-society = What is the role of civil society organisations in this?

round-list-title =
    { $count ->
        [0] There are no consultation rounds yet.
        [one] One consultation round:
       *[other] { $count } consultation rounds:
    }
round-list-line = • { $name } — { $date } — { $state }
round-new-button = ➕ New round
round-back-button = ↩️ All rounds
round-unknown = I could not find this round.

round-state-draft = Draft
round-state-open = Open for input
round-state-closed = Closed
round-state-ended = Ended (the deadline has passed)
round-online = online
round-no-date = no date set
round-no-deadline = no deadline

round-view =
    🗓️ { $name }
    Date: { $date } — Place: { $place }
    Deadline for input: { $deadline }
    State: { $state }

    Working groups:
    { $groups }

    Discussion questions:
    { $questions }

    { $joining }

    Participants so far: { $members } — Recommendations: { $inputs }
round-joining-link =
    Link to join: { $link }
    Or participants type the code { $code } in the chat with the bot (Telegram or WhatsApp).
round-joining-code = To join, participants type the code { $code } in the chat with the bot (Telegram or WhatsApp).
round-open-button = ▶️ Open the round
round-reopen-button = 🔄 Reopen the round
round-close-button = ⏹️ Close the round
round-qr-button = 🔳 QR code to print
round-public-join-button = 🌐 Publish the join link on the public site
round-public-join-stop-button = 🌐 Stop publishing the join link
round-public-join-on = The join link and its QR code now show on the public site while the round is open: anyone can join with them.
round-public-join-off = The join link no longer shows on the public site. Anyone who already has it can still join while the round is open.
round-attendance-button = 👥 Attendance
round-findings-button = 📝 Main findings
round-deadline-button = ⏰ Change deadline
round-edit-button = ✏️ Edit the round
round-opened = The round is open. Share the QR code or the link with the participants.
round-reopened = The round has been reopened.
round-reopened-past-deadline = The round has been reopened, but its deadline has passed: change the deadline so that participants can send input.
round-closed-done = The round is closed. No new input will be accepted. { $count ->
    [0] There are no members to tell.
    [one] One member will hear of it.
   *[other] { $count } members will hear of it.
}
round-notice-deadline = The deadline for input to “{ $name }” is now { $deadline }. You can send your recommendations until then with /recommend.
round-notice-closed =
    The consultation round “{ $name }” is closed and no longer takes new input. Thank you for taking part.
    Next steps: the Open Government Unit gathers the working groups' outcomes in the meeting report and sends them to the liaison officers in the organisations concerned, and you will receive their replies to your recommendations here.
round-already = Nothing has changed: the round is already “{ $state }”.
round-qr-caption = { $name } — scan the code to join: { $link }
round-qr-text =
    QR code to join “{ $name }” (a PNG image ready to print or to put on a slide).
    Link: { $link }
    For those who use WhatsApp or cannot scan: type the code { $code } in the chat with the bot.
round-qr-unavailable = This bot has no Telegram link at the moment (it is running without Telegram), so no QR code can be made. Participants can join by typing the code { $code }.

## Creating a round, step by step.
round-ask-name = What is the round called? (For example: First meeting of stakeholders and liaison officers on the national action plan)
round-name-invalid = The name must be between { $min } and { $max } characters. Please write it again.
round-ask-date = When is the round held? Type the date as day/month/year, for example 30/9/2019, or “today”. A meeting that already took place can be recorded too.
round-today-word = today
round-date-past = The date { $date } has passed. Are you recording a meeting that took place on that day? Choose “Yes”, or type another date.
round-deadline-past-confirm = The deadline { $deadline } has passed, so no input will be accepted through the bot once the round is created unless you move its deadline. Are you recording a meeting that has ended? Choose “Yes”, or type another deadline.
round-past-keep-button = ✅ Yes, a past meeting
round-today-button = 📅 Today
round-date-invalid = I did not understand the date. Type it as day/month/year, for example 30/9/2019.
round-ask-place = Where is the round held? Type the place (for example: Geneva Hotel, Amman) or choose “Online”.
round-online-button = 💻 Online
round-place-invalid = Type the name of the place in { $min } to { $max } characters, or choose “Online”.
round-ask-commitments = Choose the commitments the round discusses; each commitment has a working group. Press a commitment to add or remove it, then “Continue”.
round-commitments-done = ➡️ Continue
round-commitments-empty = Choose at least one commitment.
round-ask-questions =
    These are the discussion questions every working group takes up:
    { $questions }

    Press “Use these”, or type your own questions, one on each line (or on one line, each ending with “?”).
round-questions-default = ✅ Use these
round-questions-invalid = Type from one to { $max } questions, one on each line, each no longer than { $length } characters.
round-ask-deadline = What is the deadline for input? Type the date as day/month/year; you can add the time, for example 15/10/2019 17:00 (Amman time). Without a time, input is accepted until the end of that day.
round-week-button = 📆 Meeting + 7 days
round-deadline-invalid = I did not understand the deadline. Type it as day/month/year, with the time if you like, for example 15/10/2019 17:00.
round-deadline-past = This time has already passed. Choose a time after now.
round-preview =
    Check the round before creating it:

    Name: { $name }
    Date: { $date } — Place: { $place }
    Deadline for input: { $deadline }

    Working groups:
    { $groups }

    Discussion questions:
    { $questions }
round-create-button = 💾 Save as a draft
round-create-open-button = ▶️ Save and open
round-created = The round has been created.
round-ask-new-deadline = Type the new deadline as day/month/year, with the time if you like, for example 15/10/2019 17:00.
round-deadline-changed = The deadline is now { $deadline }. { $count ->
    [0] There are no members to tell.
    [one] One member will hear of it.
   *[other] { $count } members will hear of it.
}

## Joining and the working group.
join-ask-code = Type the code of the round or the invitation after the command, for example: /join r_ABC234
round-join-unknown = I found no round with this code. Check the code on the slide or the handout, or ask the meeting's coordinator.
round-join-code-needed = To join a working group of this round, send the round's code from the slide or the handout, or open its link.
round-join-not-open = The round “{ $name }” is not open for input yet. Please try again when the meeting starts.
round-join-closed =
    Input for “{ $name }” is now closed.
    Next steps: the Open Government Unit gathers the working groups' outcomes in the meeting report and sends them to the liaison officers in the organisations concerned, and you will receive their replies to your recommendations here.
    You can still send a general recommendation on any commitment from the menu.
round-welcome =
    Welcome to “{ $name }”
    Date: { $date } — Place: { $place }
    Deadline for input: { $deadline }

    Choose the working group (commitment) you would like to join:
round-welcome-newcomer =
    Welcome to “{ $name }”
    Date: { $date } — Place: { $place }

    Register first (it takes a minute), then choose the working group you join.
round-welcome-member =
    You are in “{ $name }”, in the working group: { $group }
    To change your group, choose another one:
round-joined =
    You have joined the working group: { $group }
    The group discusses:
    { $questions }

    Send your recommendations before { $deadline }, and read your group's recommendations and endorse those you agree with.
round-group-changed = You have moved to the working group: { $group }
round-add-button = ✍️ Recommend
round-group-view-button = 👀 Group's input
round-change-group-button = 🔁 Change group
round-no-group = You have not joined any open consultation round. Scan the QR code shown at the meeting, or type the round's code (for example r_ABC234).
round-group-title =
    👥 { $group } — { $name }
    Deadline for input: { $deadline }
round-group-empty = Your group has not sent any recommendations yet. Be the first to take part!
round-group-count =
    { $count ->
        [one] One recommendation from the group (most endorsed first):
       *[other] { $count } recommendations from the group (most endorsed first):
    }
round-group-item = { $receipt } · 👍 { $endorsements }{ $mine }{ $question }
    { $text }
round-group-item-mine = · yours
round-group-item-endorsed = · endorsed by you
round-group-item-question = · { $question }
round-endorse-button = 👍 Endorse { $receipt }
round-endorsed = Your endorsement of recommendation { $receipt } is recorded.
round-endorse-own = You cannot endorse your own recommendation. Here are your group's recommendations:
round-endorse-again = You have already endorsed this recommendation.
round-endorse-unknown = This recommendation is not one of your group's recommendations in this round.

## Recommending inside a round.
round-ask-question =
    Your recommendation in “{ $name }”, working group: { $group }
    Which discussion question does it answer?
round-question-general = Other, or a general note
round-late =
    Sorry, the deadline for input to “{ $name }” was { $deadline }.
    Next steps: the Open Government Unit gathers the working groups' outcomes in the meeting report and sends them to the liaison officers in the organisations concerned, and you will receive their replies to your recommendations here.
    You can still send a general recommendation on the commitment outside the round.
round-general-button = ✍️ General recommendation, outside the round
round-late-kept = The deadline for input to “{ $name }” was { $deadline }, but your text is kept: you can send it now as a general recommendation on the same commitment, outside the round, edit it, or cancel it.

## The round's figures.
round-attendance =
    👥 Attendance at “{ $name }”
    { $hall }

    Through the bot:
    { $joined }
    { $officers }

    By sector:
    { $sectors }

    By organisation ({ $organisations_count }):
    { $organisations }

    By working group:
    { $groups }
round-attendance-joined =
    { $count ->
        [0] Nobody has joined yet.
        [one] One participant has joined.
       *[other] { $count } participants have joined.
    }
round-attendance-officers =
    { $count ->
        [0] No liaison officers have joined.
        [one] Among them, one liaison officer.
       *[other] Among them, { $count } liaison officers.
    }
round-count-line = • { $label }: { $count }
round-group-line = { $number }. { $title }: { $count }
round-group-sectors = ({ $sectors })
round-no-organisation = No organisation
round-no-sector = Not specified
round-findings-title = 📝 Main findings of “{ $name }”
round-findings-commitment = Main findings on commitment { $number }: { $title }
round-findings-none = No recommendations were received from this group.
round-findings-question = ▸ { $question }
round-findings-theme = · { $theme }:
round-findings-item = { $index }. { $text } (👍 { $endorsements })
round-findings-untagged = General notes
round-findings-no-theme = Another theme

## Editing a draft or open round.
round-edit-what = What would you like to change in “{ $name }”?
round-edit-name = Name
round-edit-date = Date
round-edit-place = Place
round-edit-groups = Working groups
round-edit-questions = Discussion questions
round-edit-back = ↩️ Back to the round
round-edit-save = 💾 Save
round-edit-ask-name = The name now: { $name }
    Type the new name.
round-edit-ask-questions =
    The discussion questions now:
    { $questions }

    Type all the questions again, one on each line (or on one line, each ending with “?”).
round-edit-groups-in-use = A working group that people joined or sent input to cannot be removed: { $groups }. We kept it in the round.
round-edit-question-in-use = The question “{ $question }” has recommendations answering it, so it cannot be removed. Type at least { $count ->
    [one] one question
   *[other] { $count } questions
} (you can reword them).
round-edit-closed = A closed round cannot be edited. Reopen it first if you want to change it.
round-edited = The change is saved.
round-edit-name-en = Name in English
round-edit-place-en = Place in English
round-edit-questions-en = Discussion questions in English
round-edit-no-english = 🚫 No English version
round-edit-ask-english =
    In Arabic: { $arabic }
    In English now: { $english }

    Type the English version. It is optional: without it, English readers see the Arabic.
round-edit-ask-questions-en =
    The questions you typed (Arabic — English now):
    { $questions }

    Type { $count ->
        [one] the question in English
       *[other] the questions in English, one on each line, in the same order
    }. The English version is optional: without it, English readers see the Arabic.
round-edit-questions-en-none = This round's questions are all suggested ones, already worded in English.
round-edit-questions-en-invalid = Type { $count ->
    [one] one question
   *[other] { $count } questions
} in English, one on each line in the order of the Arabic ones, each no longer than { $length } characters.

## Attendance counted in the hall, beside those who joined through the bot.
round-hall-button = 🏛️ Attendance in the hall
hall-ask-total = How many people attended the meeting in the hall? Type the total, for example 55. (The report shows it beside those who joined through the bot.)
hall-keep-button = ↩️ Keep { $count }
hall-ask-officers = How many liaison officers were among those attending ({ $total })? Type the number, or 0 if none came.
hall-not-counted = We did not count them
hall-ask-sectors = By kind of organisation (optional): press a kind and type how many came from it, then choose “Save”. Counted so far: { $counted } of { $total }.
hall-sector-line = { $sector }: { $count }
hall-ask-sector = How many people came from “{ $sector }”? Type the number (0 to remove it).
hall-save = 💾 Save
hall-number-invalid = Type a whole number from 0 to { $most }.
hall-saved = Attendance in the hall recorded: { $count ->
    [0] nobody.
    [one] one person.
   *[other] { $count } people.
}
round-hall-line = In the hall: { $count ->
    [one] one person
   *[other] { $count } people
}{ $officers }{ $sectors }
round-hall-officers = , among them { $count ->
    [0] no liaison officers
    [one] one liaison officer
   *[other] { $count } liaison officers
}
round-hall-sectors = { " " }({ $sectors })
round-hall-none = No attendance in the hall recorded yet.

command-round = Consultation rounds and their management
command-group = My working group in a consultation round
