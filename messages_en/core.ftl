## Menu, help and the answers that keep a person oriented.

# How enumerations are separated (Messages.join): a comma and a space.
list-separator = {", "}
list-and = { $rest } and { $last }
page-shown-all = all shown
page-shown-one = showing number { $number }
page-shown-range = showing { $first }–{ $last }

menu-title = What would you like to do now?
menu-recommend = ✍️ Recommend
menu-status = 📊 Commitment status
menu-my = 📁 My recommendations
menu-help = ❔ Help
menu-register = 📝 Register


    Commands:
    /start — start and register
    /recommend — send a recommendation on a commitment
    /status — where each commitment stands
    /my — your recommendations and the replies to them
    /privacy — what we keep about you and who sees it
    /language — the language you read the bot in: Arabic or English
    /cancel — stop what you are doing
    /help — this message

    You can also type: menu, recommend, status, mine, cancel, help, language.

command-start = Start and register
command-recommend = Send a recommendation on a commitment
command-status = Where the commitments stand
command-my = My recommendations and the replies
command-help = Help
command-cancel = Stop what you are doing
command-menu = Main menu

keyword-menu = menu
keyword-recommend = recommend
keyword-status = status
keyword-my = mine
keyword-help = help
keyword-cancel = cancel
keyword-start = start

cancelled = Cancelled. Nothing you were writing has been saved.
nothing-to-cancel = There is nothing to cancel.
not-understood = I did not understand your message. Choose below, or type /help for help.
unknown-command = I do not know this command. Choose below, or type /help for help.
stale-button = This button is from an earlier message and no longer works. Here are the current choices:
use-buttons = Choose from the buttons above, or type /cancel to leave.
unknown-button = I did not recognise this button. Here are the current choices:
non-text-message = I can't use this here. Write your message as text, or send a voice note to make a recommendation.
internal-error = Sorry, something went wrong on our side and nothing was saved. Please try again in a moment.
busy-error = The system is busy right now, and nothing you sent has been lost. Please try again in a minute.
need-registration = First we need to register you; it takes no more than a minute. Then we carry on with what you asked for.
more = Next ➡️
previous = ⬅️ Previous
cancel-button = ✖️ Cancel

parked-resume = ↩️ Continue the draft
parked-drop = 🗑️ Delete the draft
parked-dropped = The draft was deleted.

# The terminal chat, under the choices of a step that takes typed text (there a typed number is the number).
console-type-choice = (type one of these choices as it is written, or type your answer)

## /help (handlers/command_help.py): generated from the commands each person may use.

help-intro = This bot lets you follow the national action plan of the Open Government Partnership and take part in it. From any commitment's page in /status you can endorse other people's recommendations.
help-everyone = Commands:
help-officers = For liaison officers:
help-coordinators = For coordinators:
help-line = /{ $command } — { $description }
help-keywords = You can also type: menu, recommend, status, mine, cancel, help, language.
command-unfollow = Stop following a commitment
command-forget = Delete your personal data
command-join = Join with an invitation code or a consultation round's code
keyword-search = search
