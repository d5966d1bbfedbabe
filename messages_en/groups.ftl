## Working groups: their rapporteurs, the findings they enter for the group, and answers told to the whole group.

command-rapporteurs = Name the rapporteurs of a round's working groups
command-findings = The findings of the working group you speak for
group-label = Working group { $number }
group-author = Working group { $number } ({ $count ->
    [0] number at the table not recorded
    [one] one person at the table
   *[other] { $count } people at the table
})
rapporteurs-no-round = There is no open or draft round to name rapporteurs for.
rapporteurs-title = Rapporteurs of the working groups in “{ $name }”:
rapporteurs-line = • { $group }: { $who }
rapporteurs-none = no rapporteur named yet
rapporteurs-invited = invitation not taken yet
rapporteur-pick = Who is the rapporteur of { $group }? { $count ->
    [0] Nobody has joined the group through the bot yet; send an invitation.
    [one] One person joined it through the bot.
   *[other] { $count } people joined it through the bot.
}
rapporteur-invite = ✉️ Invite a rapporteur
rapporteur-named = { $name } is now the rapporteur of { $group }.
rapporteur-named-notice = You are now the rapporteur of { $group }. Send /findings to enter the group's findings question by question: as text, a voice note or a photo of the flip chart; they are attributed to the group, not to you.
rapporteur-invite-card =
    An invitation to be the rapporteur of { $group } in the Open Government Partnership action plan bot.

    Open the link: { $link }
    or send the bot: /join { $code }
rapporteur-invite-card-code =
    An invitation to be the rapporteur of { $group } in the Open Government Partnership action plan bot.

    Send the bot: /join { $code }
rapporteur-invite-unknown = This invitation is not valid: it was used or withdrawn, or its round has closed.
findings-not-rapporteur = You are not the rapporteur of a working group in an open round. Coordinators name rapporteurs.
findings-which-group = Which working group?
findings-closed = This group's findings can no longer be changed: the round closed, its deadline passed or you are no longer its rapporteur.
findings-ask-at-table = How many people were at the table of { $group }? Type a number.
findings-at-table-number = Type a whole number from 1 to { $max }.
findings-title = { $group } in “{ $name }”, with { $count } at the table.
findings-count = { $count ->
    [0] No findings entered yet.
    [one] One finding of the group:
   *[other] { $count } findings of the group:
}
findings-others = { $count ->
    [0] The group's members sent no other input.
    [one] One other input from the group's members:
   *[other] { $count } other inputs from the group's members:
}
findings-add-for = ➕ { $question }
findings-add = ➕ Another question or a general finding
findings-edit = ✏️ Edit { $receipt }
findings-ask-edit = Type the new text of { $receipt }:

    { $text }
findings-edit-length = Type a text of { $min } to { $max } characters.
findings-edited = { $receipt } was edited.
findings-answer-notice = An answer reached a finding of { $group }:

    { $notice }
