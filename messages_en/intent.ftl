# What the bot answers to a message no step asked for (handlers/intent.py reads what it is).
name-greeting = Hello and welcome! Let us start with your registration.
name-is-it = Is “{ $name }” your name? If it is not, choose “No” and type your name.
name-is-yes = ✅ Yes, that is my name
name-is-no = ✏️ No, I will type my name
intent-greeting = Hello! Choose what you would like to do below, or type your recommendation on a commitment directly.
intent-thanks = You are welcome; we are glad to hear from you! If you need anything else, choose below.
recommendation-needs-words = A recommendation needs words that say what you propose, not only symbols or numbers. Please write it again.
date-no-such-day = There is no day { $day } in month { $month } of { $year }; it has only { $days } days. Please type the date again.
round-deadline-before-meeting = The deadline for input ({ $deadline }) is before the round's date ({ $date }). Type a deadline on the day of the round or after it.
round-questions-need-words = Each question needs words, not only numbers. Type your questions, one per line, or choose the suggested questions.
round-preview-typed = Nothing in the round has changed. Review it below and choose one of the buttons, or cancel and start again to change it.
opened-resume = Welcome back! Let us carry on where you left off:
inbox-reason-too-short = This reply gives no reason. Write the reason for the decision in at least { $min } characters, so that the author knows why the recommendation was not adopted in full.
append-text = ➕ Add it to the recommendation
recommendation-parked-two =
    You have a draft recommendation that was not sent:

    “{ $text }”

    and a new text you typed while reviewing it:

    “{ $new }”

    Would you like to continue it?
parked-drop-confirm = Delete this draft for good? It cannot be brought back once deleted.
parked-drop-yes = 🗑️ Yes, delete it
round-parked = You started setting up a consultation round and did not save it: “{ $name }”. Would you like to continue setting it up?
inbox-parked = You started answering recommendation { $receipt } and have not sent the answer yet. Would you like to continue it?
question-offer =
    Your message looks like a question:

    “{ $text }”

    Shall we send it to the coordination team? It reaches their inbox, and they will answer you.
question-send = 📨 Send the question to the coordinators
question-sent = Your question has reached the coordination team (number { $number }). They will answer you here.
inbox-questions = ❓ Questions to the coordinators: { $total }
inbox-question-line = • “{ $text }” — { $asker }, { $date }
# Words people type, read by handlers/intent.py (never shown): entries separated by "|", case-folded; every
# language's lists are read together.
words-greeting = hi | hello | hey | good morning | good evening | good afternoon
words-thanks = thanks | thank you | many thanks
words-yes = yes | yeah | yep | ok | okay
words-no = no | nope
words-question = when | how | what | why | where | who | which | is | are | can | do | does | will
words-yes-label = yes | i agree | agree
