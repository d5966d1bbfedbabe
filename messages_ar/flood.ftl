## Flood control: a polite answer when someone sends too much too fast.

flood-recommendations =
    شكراً لحماسك! وصلتنا منك { $limit ->
        [one] توصية واحدة
        [two] توصيتان
        [few] { $limit } توصيات
       *[other] { $limit } توصية
    } خلال الساعة الأخيرة، وهو الحد المسموح به لكل مشارك حتى يتسنى للجهات المعنية قراءة كل التوصيات بعناية.
    يمكنك إرسال توصية جديدة بعد { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }. ما كتبته سابقاً محفوظ ولم يَضِعْ منه شيء.

# Someone sends faster than the bot may answer one chat: said once (an hour) instead of one answer per message.
flood-replies = رسائلك تصلنا أسرع مما يمكننا الرد عليها، فتمهّل قليلاً من فضلك. كل ما أرسلته وصلنا وعولج، وسنرد على آخر رسالة منك بعد قليل.
