## /privacy and /forget: what is kept, why, who sees it, for how long, and erasing it.

command-privacy = Your data and privacy
keyword-privacy = privacy
prv-notice =
    🔒 Your data and privacy

    What we keep:
    • Your name, your organisation and its sector, your governorate, and when you gave your consent.
    • Your recommendations and endorsements, the commitments you follow and your notification choices.
    • Your Telegram or WhatsApp account number, so that we can reply to you, and the last time you were in touch with us.

    Why: to follow how the national action plan of the Open Government Partnership is carried out, to bring your recommendations to the organisations concerned, and to tell you about replies and the progress of commitments. We use them for nothing else and we never sell them; what is published for everyone is set out below.

    Who sees them: the coordinators of the Open Government Unit at the Ministry of Planning and International Cooperation, and the liaison officers in the ministry responsible for the commitment your recommendation is about; they see your name and organisation beside your recommendations. The meeting report the coordinators prepare lists your organisation among those who attended; its published copy names it only if you agreed to show your name.

    { $public }

    How long we keep them: for as long as you use the bot. If you have not been in touch with us for { $days ->
        [one] one day
       *[other] { $days } days
    }, your personal data is erased automatically, and your recommendations remain with no link to you.

    Deleting your data: type /forget or press the button below at any time, and you will choose whether to keep your recommendations without your name or to delete them as well.

    This is governed by Jordan's Personal Data Protection Law No. 24 of 2023.
prv-forget-button = 🗑️ Delete my data
prv-nothing-stored = We keep no personal data about you, as you are not registered with us.
prv-forget-explain =
    We will erase your name, organisation, governorate, account number, follows and settings, and after that we will not be able to write to you or recognise you.
    { $count ->
        [0] You have no saved recommendations.
        [one] You have one saved recommendation. What should we do with it?
       *[other] You have { $count } saved recommendations. What should we do with them?
    }
prv-keep-button = Keep them anonymous
prv-delete-button = Delete them as well
prv-confirm-keep = Are you sure? Your personal data will be erased for good, and your recommendations will remain with no link to you. This cannot be undone.
prv-confirm-delete = Are you sure? Your personal data and your recommendations will be erased for good. This cannot be undone.
prv-yes-button = ✅ Yes, delete
prv-forget-cancelled = We have deleted nothing, and your data is as it was.
prv-forgotten-keep = Done. We have erased your personal data, and your recommendations remain with no link to you. Thank you for taking part. You can register again whenever you like with /start.
prv-forgotten-delete = Done. We have erased your personal data and your recommendations. Thank you for taking part. You can register again whenever you like with /start.

## What becomes public and what never does (handlers/disclosure.py): before consent and in /privacy.

disclose-public =
    • What is published: { $when }, on the plan's public website and in its open data files, under the { $licence } licence, which lets anyone read and reuse it with attribution. What is published is the text of the recommendation, its commitment and theme, its date and state, the implementing body's reply and how many people endorsed it, with your { $always }. Your { $named } are published only if you agree; we will ask you once you have agreed to this notice, and you can change your answer at any time in /settings.
    • Never published: your Telegram or WhatsApp account and your phone number, your name and organisation unless you agree, voice recordings themselves (only their text is published) and the files you send, and recommendations that are hidden or not yet published.
disclose-when-answered = your recommendation is published once it has been answered or the coordinators approve it
disclose-when-arrival = your recommendation is published as soon as it arrives
disclose-author-sector = sector
disclose-author-governorate = governorate (if you gave one)
disclose-author-name = name
disclose-author-organisation = organisation
