## /privacy and /forget: what is kept, why, who sees it, for how long, and erasing it.

command-privacy = Your data and privacy
keyword-privacy = privacy
prv-notice =
    🔒 Your data and privacy

    What we keep:
    • Your name, your organisation and its sector, your governorate, and when you gave your consent.
    • Your recommendations and endorsements, the commitments you follow and your notification choices.
    • Your Telegram or WhatsApp account number, so that we can reply to you, and the last time you were in touch with us.

    Why: to follow how the national action plan of the Open Government Partnership is carried out, to bring your recommendations to the organisations concerned, and to tell you about replies and the progress of commitments. We use them for nothing else, and we do not sell them or share them with anyone other than those named below.

    Who sees them: the coordinators of the Open Government Unit at the Ministry of Planning and International Cooperation, and the liaison officers in the ministry responsible for the commitment your recommendation is about. Coordinators and liaison officers see your name and organisation beside your recommendations; the lists of recommendations other participants see, and the plan's reports, show the text of a recommendation without your name or organisation, and the meeting report lists your organisation among those who attended.

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
