## The evidence pack (/evidence, ogp-bot evidence): OGP's Participation and Co-Creation Standards, requirement by
## requirement. The standards' own words are quoted in English with their source; the rest is ours.

ev-title = حزمة أدلة معايير المشاركة والإنشاء المشترك — { $plan }
ev-period = الفترة: من { $since } إلى { $until } — أُعدّت في { $made }
ev-intro = تتناول هذه الحزمة معايير المشاركة والإنشاء المشترك لشراكة الحكومات الشفافة (النافذة منذ 2022) معياراً معياراً، وتبيّن لكل متطلب من متطلباتها الدنيا ما سجّله البوت والملفات المرفقة التي تُثبته. المتطلب الذي لا يملك البوت دليلاً عليه مذكور بوصفه فجوة في موضعه، ومرة أخرى في آخر الحزمة.
ev-std-1 = المعيار 1: مساحة للحوار والتعاون المستمر بين الحكومة والمجتمع المدني
ev-std-1-quote = "Establishing a space for ongoing dialogue and collaboration between government, civil society and other non-governmental stakeholders." (OGP, Participation and Co-Creation Standards)
ev-std-2 = المعيار 2: معلومات مفتوحة ومتاحة وفي وقتها عن المشاركة في OGP
ev-std-2-quote = "Providing open, accessible and timely information about activities and progress within a member's participation in OGP." (OGP, Participation and Co-Creation Standards)
ev-std-3 = المعيار 3: فرص شاملة ومستنيرة للمشاركة العامة أثناء إعداد الخطة
ev-std-3-quote = "Providing inclusive and informed opportunities for public participation during co-creation of the action plan." (OGP, Participation and Co-Creation Standards)
ev-std-4 = المعيار 4: الرد المعلّل والحوار المستمر أثناء إعداد الخطة
ev-std-4-quote = "Providing a reasoned response and ensuring ongoing dialogue between government and civil society and other non-governmental stakeholders as appropriate during co-creation of the action plan." (OGP, Participation and Co-Creation Standards)
ev-std-5 = المعيار 5: الحوار والتعاون أثناء التنفيذ والمتابعة
ev-std-5-quote = "Providing inclusive and informed opportunities for ongoing dialogue and collaboration during implementation and monitoring of the action plan." (OGP, Participation and Co-Creation Standards)

ev-req-1-meets = يجتمع المنتدى بانتظام، مرة كل ستة أشهر على الأقل
ev-quote-1-meets = "A space for ongoing dialogue … that meets regularly (at least every six months) is established." (OGP glossary, Minimum Requirements)
ev-req-1-rules = قواعد المشاركة في المنتدى منشورة
ev-quote-1-rules = "Its basic rules on participation are public." (OGP glossary, Minimum Requirements)
ev-req-2-website = موقع OGP عام
ev-quote-2-website = "A public OGP website dedicated to the members participation in OGP is maintained." (OGP glossary, Minimum Requirements)
ev-req-2-repository = مستودع أدلة يُحدَّث مرتين في السنة على الأقل
ev-quote-2-repository = "all countries must maintain a repository as part of or in addition to their OGP website, updated at least twice a year." (OGP glossary, Repository)
ev-req-3-timeline = الجدول الزمني منشور قبل بدء الإنشاء المشترك بأسبوعين على الأقل
ev-quote-3-timeline = The IRM's review of Jordan asked for the timeline to be published at least two weeks before co-creation starts (as issue 13 of this project records it).
ev-req-4-reasoned = ردّ معلّل على مدخلات أصحاب المصلحة
ev-quote-4-reasoned = "governments explaining to stakeholders why certain priorities, ideas or activities were or were not included in the action plan. This is referred to as a reasoned response" (OGP glossary, Reasoned Response)
ev-req-5-meetings = اجتماعان على الأقل كل سنة مع المجتمع المدني لعرض نتائج التنفيذ
ev-quote-5-meetings = "The MSF where established, or the government where there is no MSF, holds at least two meetings every year with civil society to present results on the implementation of the action plan and collect comments." (OGP National Handbook, Minimum Requirement 5.1)
ev-req-5-progress = تقدّم التنفيذ موثّق بأدلته، وتقييم الآلية المستقلة إلى جانبه
ev-quote-5-progress = "Stakeholder engagement during implementation helps to hold the government and implementing partners accountable." (OGP National Handbook, Implementing Action Plans)

ev-recorded = ما سجّله البوت:
ev-nothing-recorded = لا شيء في هذه الفترة.
ev-files = الملفات: { $files }
ev-gap = ⚠️ فجوة: { $gap }
ev-met = ✅ لا فجوة في ما سجّله البوت لهذه الفترة.
ev-gaps-title = الفجوات
ev-no-gaps = لا فجوات في ما سجّله البوت لهذه الفترة.
ev-gap-summary = • { $requirement }: { $gap }
ev-interval = من { $start } إلى { $end }

ev-round-line = { $name } — { $date } ({ $count ->
    [zero] لم ينضم عبر البوت أحد
    [one] انضم مشارك واحد عبر البوت
    [two] انضم مشاركان عبر البوت
    [few] انضم { $count } مشاركين عبر البوت
    [many] انضم { $count } مشاركاً عبر البوت
   *[other] انضم { $count } مشارك عبر البوت
})
ev-gap-meets = مرّت أكثر من ستة أشهر دون اجتماع: { $intervals }.
ev-gap-rules = لم تُنشر قواعد المشاركة عبر /rules قبل نهاية الفترة.
ev-rules-version =
    — قواعد المشاركة كما نُشرت في { $date } —
    { $text }
ev-rules-line = نُشرت قواعد المشاركة (أو عُدّلت) في { $date }.
ev-gap-website = لا يسجّل البوت الموقع العام؛ أرفق عنوانه وما نُشر عليه من خارج هذه الحزمة.
ev-snapshot-line = لقطة البيانات المفتوحة في { $date } ({ $count ->
    [zero] دون توصيات
    [one] توصية واحدة
    [two] توصيتان
    [few] { $count } توصيات
   *[other] { $count } توصية
})
ev-gap-repository = مرّت أكثر من ستة أشهر دون لقطة منشورة من البيانات المفتوحة: { $intervals }.
ev-timeline-line = { $name }: أُعلن في { $announced }، وعُقد في { $held } ({ $days ->
    [zero] في اليوم نفسه
    [one] بعد يوم واحد
    [two] بعد يومين
    [few] بعد { $days } أيام
    [many] بعد { $days } يوماً
   *[other] بعد { $days } يوم
})
ev-timeline-sent = — أُرسل الإعلان عبر البوت في { $date } إلى { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصين
    [few] { $count } أشخاص
    [many] { $count } شخصاً
   *[other] { $count } شخص
}.
ev-timeline-missing = «{ $name }» دون تاريخ إعلان
ev-timeline-short = «{ $name }» { $days ->
    [zero] أُعلن في يوم انعقاده نفسه
    [one] أُعلن قبله بيوم واحد فقط
    [two] أُعلن قبله بيومين فقط
    [few] أُعلن قبله بـ{ $days } أيام فقط
    [many] أُعلن قبله بـ{ $days } يوماً فقط
   *[other] أُعلن قبله بـ{ $days } يوم فقط
}{ $confirmed ->
    [yes] {" "}(بتأكيد مسجَّل من المنسق)
   *[no] {""}
}
ev-gap-no-rounds = لم تُعقد أي جولة تشاور أو اجتماع في هذه الفترة.
ev-gap-timeline = جداول زمنية لم تُنشر قبل أسبوعين: { $rounds }.
ev-responses = { $total ->
    [zero] لم تصل توصيات في هذه الفترة.
    [one] وصلت توصية واحدة، وأُجيب عن { $answered } منها بردّ معلّل، وأُبلغ صاحبها في { $told } حالة.
    [two] وصلت توصيتان، وأُجيب عن { $answered } منهما بردّ معلّل، وأُبلغ صاحباهما في { $told } حالة.
    [few] وصلت { $total } توصيات، وأُجيب عن { $answered } منها بردّ معلّل، وأُبلغ أصحابها في { $told } حالة.
   *[other] وصلت { $total } توصية، وأُجيب عن { $answered } منها بردّ معلّل، وأُبلغ أصحابها في { $told } حالة.
}
ev-responses-waiting = { $count ->
    [one] توصية واحدة تنتظر رداً
    [two] توصيتان تنتظران رداً
    [few] { $count } توصيات تنتظر رداً
   *[other] { $count } توصية تنتظر رداً
}
ev-responses-missing = { $count ->
    [one] توصية واحدة رُفضت كلياً أو جزئياً دون سبب مكتوب
    [two] توصيتان رُفضتا كلياً أو جزئياً دون سبب مكتوب
    [few] { $count } توصيات رُفضت كلياً أو جزئياً دون سبب مكتوب
   *[other] { $count } توصية رُفضت كلياً أو جزئياً دون سبب مكتوب
}
ev-year-line = السنة من { $start } إلى { $end }: { $count ->
    [zero] لا اجتماعات
    [one] اجتماع واحد
    [two] اجتماعان
    [few] { $count } اجتماعات
    [many] { $count } اجتماعاً
   *[other] { $count } اجتماع
}
ev-period-under-a-year = الفترة أقصر من سنة كاملة؛ { $count ->
    [zero] لم يُعقد فيها أي اجتماع
    [one] عُقد فيها اجتماع واحد
    [two] عُقد فيها اجتماعان
    [few] عُقدت فيها { $count } اجتماعات
    [many] عُقد فيها { $count } اجتماعاً
   *[other] عُقد فيها { $count } اجتماع
}.
ev-gap-meetings = { $count ->
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
   *[other] { $count } سنة
} بأقل من اجتماعين.
ev-progress = { $count ->
    [zero] لا تحديثات على تقدّم التنفيذ
    [one] تحديث واحد على تقدّم التنفيذ
    [two] تحديثان على تقدّم التنفيذ
    [few] { $count } تحديثات على تقدّم التنفيذ
    [many] { $count } تحديثاً على تقدّم التنفيذ
   *[other] { $count } تحديث على تقدّم التنفيذ
}، منها { $evidence } برابط دليل.
ev-irm = تقييمات الآلية المستقلة مُدخلة { $count ->
    [zero] لأي التزام: لا شيء بعد
    [one] لالتزام واحد
    [two] لالتزامين
    [few] لـ{ $count } التزامات
    [many] لـ{ $count } التزاماً
   *[other] لـ{ $count } التزام
}.
ev-gap-progress = لم يُنشر أي تحديث على تقدّم التنفيذ في هذه الفترة.

ev-col-round = الجولة
ev-col-held = تاريخ الانعقاد
ev-col-place = المكان
ev-col-state = حالة الجولة
ev-col-announced = تاريخ الإعلان
ev-col-notice-days = أيام الإعلان المسبق
ev-col-short-confirmed = تأكيد الإعلان القصير
ev-col-announcement-sent = إرسال الإعلان
ev-col-recipients = عدد من أُرسل إليهم
ev-col-members = المنضمّون عبر البوت
ev-col-taken = تاريخ اللقطة
ev-col-folder = المجلد
ev-col-files = الملفات
ev-col-on-disk = الملفات الموجودة
ev-col-missing-reason = رُفضت دون سبب
ev-col-answers = عدد الردود
ev-col-answered-at = تاريخ الرد

evidence-title = 📦 أدلة معايير OGP. لقطات البيانات المفتوحة المحفوظة:
evidence-no-snapshots = لم تُؤخذ أي لقطة بعد.
evidence-snapshot-line = • { $date }: { $files }
evidence-snapshot-folder = تُحفظ اللقطات على الخادم في: { $folder }
evidence-whole = 📦 حزمة الأدلة (من بداية الخطة حتى اليوم)
evidence-period = 📅 حزمة لفترة محددة
evidence-snapshot-now = 📸 لقطة من البيانات المفتوحة الآن
evidence-no-folder = لم يُحدَّد مجلد اللقطات (OGP_SNAPSHOT_DIR).
evidence-snapshot-taken = أُخذت لقطة جديدة من البيانات المفتوحة في المجلد { $folder }.
evidence-too-large = الحزمة أكبر من أن تُرسل في المحادثة ({ $megabytes } ميغابايت). استخرجها من الخادم بالأمر: ogp-bot evidence --output FILE.zip
evidence-caption = حزمة أدلة معايير المشاركة من { $since } إلى { $until } — { $gaps ->
    [zero] لا فجوات في ما سجّله البوت
    [one] فجوة واحدة مذكورة في الفهرس
    [two] فجوتان مذكورتان في الفهرس
    [few] { $gaps } فجوات مذكورة في الفهرس
   *[other] { $gaps } فجوة مذكورة في الفهرس
}.
command-evidence = حزمة أدلة معايير OGP واللقطات
