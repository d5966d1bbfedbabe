## Roles: invitations, the team, refusals and each role's commands.

roles-refused = Sorry, only authorised liaison officers and coordinators can do this. Nothing has changed.
role-coordinator = Coordinator
role-liaison = Liaison officer for commitment { $number }

menu-inbox = 📥 Inbox
menu-update = 📈 Update progress
menu-team = 👥 Team
menu-settings = ⚙️ Settings

command-inbox = Recommendations received on your commitments
command-update = Update a commitment's progress
command-milestones = A commitment's milestones: add and edit
command-invite = Invite a liaison officer or a coordinator
command-team = The team and its roles
command-follow = Follow commitments
command-settings = Notification settings


invite-choose-role = Which role is the invitation for? An invitation works for one person and for { $days ->
    [one] one day
   *[other] { $days } days
}.
invite-created = An invitation for the role “{ $role }” has been created, valid until { $expires }. Send the message below to the person concerned.
invite-card =
    An invitation to join the bot for following the national action plan of the Open Government Partnership, in the role “{ $role }”.

    Open this link in Telegram:
    { $link }

    Or send this to the bot (WhatsApp): /join { $code }

    The invitation is for one person and is valid until { $expires }.
invite-card-code =
    An invitation to join the bot for following the national action plan of the Open Government Partnership, in the role “{ $role }”.

    Send this to the bot: /join { $code }

    The invitation is for one person and is valid until { $expires }.
invite-register-first = You have an invitation to the role “{ $role }”. Register first (it takes a minute); the role is yours straight after.
role-granted-notice = Your role is now “{ $role }”. You will find your role's commands in the menu and in /help.
role-revoked-notice = You are no longer “{ $role }”, and that role's commands have left your menu.
invite-accepted = Welcome! Your role is now “{ $role }”. You will find your role's commands in the menu and in /help.
invite-taken-notice = { $name } accepted your invitation and now has the role “{ $role }”.
invite-already-held = You already have the role “{ $role }”, so the invitation was not used; it can be given to someone else.
invite-unknown = This invitation code is not known. Check that you copied all of it, or ask the coordinator for a new invitation.
invite-used = This invitation has already been used, and it works only once. Ask the coordinator for a new invitation.
invite-expired = This invitation has expired. Ask the coordinator for a new invitation.
join-usage = Send the invitation code after the command, for example: /join i_AbC123
team-title = The team and its roles:
team-configured = • { $name } — { $organisation } — Coordinator (from the system settings)
team-configured-unregistered = • A coordinator on { $channel } who has not registered yet (from the system settings)
team-channel-other = another channel
team-line = • { $name } — { $organisation } — { $role }
team-empty = No roles have been given yet. Use /invite to invite liaison officers.
team-remove-button = ✖️ Remove { $name }'s role
team-invite-button = ➕ Invite someone
team-confirm-remove = Remove the role “{ $role }” from { $name }?
team-confirm-button = ✅ Yes, remove it
team-removed = The role “{ $role }” has been removed from { $name }.
roles-refused-coordinator = Sorry, only the plan's coordinators can do this. Nothing has changed.
invite-own = You cannot use an invitation you made yourself. Send it to the person it is for.
invite-withdrawn = This invitation was withdrawn: the person who sent it is no longer a coordinator. Ask a coordinator for a new one.
invite-open-button = 📋 Open invitations
invite-open-title = { $count ->
    [0] There are no open invitations.
    [one] One invitation has not been used yet:
   *[other] { $count } invitations have not been used yet:
}
invite-open-line = • “{ $role }” — made by { $creator } — valid until { $expires }
invite-withdraw-button = Withdraw “{ $role }” invitation
invite-withdrawn-done = The invitation was withdrawn; its link and code no longer work.
invite-withdraw-gone = This invitation was already used, has expired or was withdrawn.
command-search = Search recommendations and updates
