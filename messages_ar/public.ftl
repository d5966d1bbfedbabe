## The public tracker and the open-data card (public/). Dates arrive already written as 30/9/2019.

pub-site-name = متابعة الخطة الوطنية لشراكة الحكومات الشفافة
pub-skip = انتقل إلى المحتوى
pub-nav-label = التنقل الرئيسي
pub-nav-home = الخطة والتزاماتها
pub-nav-open-data = البيانات المفتوحة
pub-footer-licence = البيانات منشورة بترخيص { $licence }
pub-feed-link = خلاصة التحديثات (Atom)
pub-feed-title = تحديثات الخطة الوطنية والردود على التوصيات
pub-percent = { NUMBER($value, useGrouping: 0) }%

pub-home-title = الخطة الوطنية ومدى تقدّمها
pub-home-intro = هذه الصفحة سجلّ عام لتنفيذ الخطة التي تتابعها { $owner }: ما أُنجز في كل التزام، والتوصيات التي وصلت من المجتمع المدني والمواطنين، والردود عليها.
pub-plan-dates = مدة الخطة من { $start } إلى { $end }.
pub-plan-extended = ومُدّدت حتى { $date }.
pub-no-plan = لا توجد خطة نشطة بعد.
pub-commitments = الالتزامات
pub-commitment-heading = الالتزام { $number }: { $title }
pub-commitment-count = { $count ->
    [zero] لا التزامات
    [one] التزام واحد
    [two] التزامان
    [few] { $count } التزامات
    [many] { $count } التزاماً
   *[other] { $count } التزام
}
pub-ogp-id = الرمز في الشراكة
pub-lead-agency = الجهة المنفذة
pub-dates = المدة
pub-date-range = من { $start } إلى { $end }
pub-completion = مستوى الإنجاز
pub-progress = نسبة التقدّم
pub-milestones = المراحل
pub-milestones-done = { $total ->
    [0] لا مراحل مسجّلة
   *[other] أُنجزت { $done } من { $total }
}
pub-recommendations = التوصيات
pub-received = { $count ->
    [zero] لم تصل توصيات
    [one] وصلت توصية واحدة
    [two] وصلت توصيتان
    [few] وصلت { $count } توصيات
    [many] وصلت { $count } توصية
   *[other] وصلت { $count } توصية
}
pub-answered = { $count ->
    [zero] ولم يُردّ على أي منها بعد
    [one] رُدّ على واحدة منها
    [two] رُدّ على اثنتين منها
    [few] رُدّ على { $count } منها
    [many] رُدّ على { $count } منها
   *[other] رُدّ على { $count } منها
}
pub-received-answered = { $received }، { $answered }
pub-separator = ،
pub-rounds = جولات التشاور
pub-no-rounds = لم تُعقد جولات تشاور عبر المنصة بعد.
pub-earlier-plans = الخطط السابقة

pub-themes = المحاور:
pub-due = موعدها { $date }
pub-no-milestones = لم تُضف مراحل لهذا الالتزام بعد.
pub-updates = تحديثات التقدّم
pub-no-updates = لم تُنشر تحديثات لهذا الالتزام بعد.
pub-milestone-reported = المرحلة ({ $state }):
pub-evidence = الدليل:
pub-published-recommendations = التوصيات المنشورة والردود عليها
pub-published-note = { $count ->
    [zero] لم تُنشر توصيات على هذا الالتزام بعد. تُنشر التوصية حين يُردّ عليها أو يعتمد المنسق نشرها.
    [one] توصية واحدة منشورة، الأحدث أولاً.
    [two] توصيتان منشورتان، الأحدث أولاً.
    [few] { $count } توصيات منشورة، الأحدث أولاً.
    [many] { $count } توصية منشورة، الأحدث أولاً.
   *[other] { $count } توصية منشورة، الأحدث أولاً.
}
pub-rec-heading = التوصية رقم { NUMBER($id, useGrouping: 0) }
pub-theme-other = محور آخر
pub-endorsements = { $count ->
    [zero] لا تأييد
    [one] تأييد واحد
    [two] تأييدان
    [few] { $count } تأييدات
    [many] { $count } تأييداً
   *[other] { $count } تأييد
}
pub-author-named = من: { $name } ({ $organisation })
pub-author-sector = من: { $sector }
pub-author-sector-governorate = من: { $sector }، { $governorate }
pub-author-unknown = من: مشارك
pub-author-group = من: { $group }
pub-response = رد الجهة المنفذة
pub-pages-label = صفحات التوصيات
pub-page-of = الصفحة { $page } من { $pages }
pub-newer = التوصيات الأحدث
pub-older = التوصيات الأقدم

pub-round-date = التاريخ
pub-round-undated = دون تاريخ محدد
pub-round-place = المكان
pub-round-state = الحالة
pub-round-state-open = مفتوحة لاستقبال المدخلات
pub-round-state-closed = مغلقة
pub-round-report = تنزيل تقرير الجولة (ملف Word)
pub-round-hall = { $count ->
    [zero] لم يُسجَّل حضور في القاعة
    [one] حضر في القاعة مشارك واحد
    [two] حضر في القاعة مشاركان
    [few] حضر في القاعة { $count } مشاركين ومشاركات
    [many] حضر في القاعة { $count } مشاركاً ومشاركة
   *[other] حضر في القاعة { $count } مشارك ومشاركة
}
pub-round-hall-officers = { $count ->
    [one] من بينهم ضابط ارتباط واحد
    [two] من بينهم ضابطا ارتباط
   *[other] من بينهم { $count } من ضباط الارتباط
}
pub-round-hall-with-officers = { $hall }، { $officers }.
pub-round-attendance = المشاركون
pub-sector-unknown = جهة غير محددة
pub-round-findings = أبرز النتائج فيما يتعلق بالالتزام { $number }: { $title }
pub-round-heard = ما سمعناه وما فعلناه: كل مدخل منشور من هذه الجولة، وحالته، ورد الجهة المسؤولة عليه.
pub-round-join = انضموا إلى هذه الجولة عبر البوت
pub-round-join-qr = امسحوا الرمز بكاميرا الهاتف للانضمام إلى الجولة عبر البوت.
pub-round-no-findings = لم تُنشر نتائج لهذه المجموعة بعد.

pub-data-title = البيانات المفتوحة
pub-data-intro = كل ما تعرضه هذه الصفحات متاح أيضاً ملفاتٍ يمكن تنزيلها وإعادة استخدامها، بعناوين ثابتة، وتُحدَّث تلقائياً من البيانات نفسها التي تستخدمها المنصة.
pub-data-licence = الترخيص
pub-data-frequency = وتيرة التحديث
pub-data-frequency-value = فورية: يظهر كل تغيير في الطلب التالي للملف.
pub-data-contact = للتواصل
pub-data-contact-none = لم تُحدَّد جهة تواصل.
pub-data-published = ما يُنشر
pub-data-published-approved = التوصية بعد أن يُردّ عليها أو يعتمد المنسق نشرها؛ ولا تُنشر التوصيات المخفية أبداً. يظهر صاحب التوصية بقطاعه ومحافظته فقط، واسمه وجهته إذا وافق على ذلك.
pub-data-published-immediate = التوصية فور وصولها؛ ولا تُنشر التوصيات المخفية أبداً. يظهر صاحب التوصية بقطاعه ومحافظته فقط، واسمه وجهته إذا وافق على ذلك.
pub-data-never = ما لا يُنشر أبداً
pub-data-never-value = أرقام الهواتف ومعرّفات المحادثات ورموز الدعوة وسجل التدقيق والمدخلات غير المنشورة.
pub-file-commitments = الخطط والتزاماتها: مستوى الإنجاز ونسبة التقدّم والمراحل وعدد التوصيات الواردة والتي رُدّ عليها.
pub-file-updates = السجل العام لكل التحديثات بترتيب زمني، يُضاف إليه ولا يُحذف منه: تحديثات التقدّم وحالات المراحل والردود المكتوبة على التوصيات.
pub-file-recommendations = كل التوصيات المنشورة مع حالتها ورد الجهة المنفذة عليها.
pub-file-recommendations-csv = الحقول نفسها في ملف جدول (CSV بترميز UTF-8 مع علامة ترتيب البايت ليقرأه Excel).
pub-file-meetings = جولات التشاور: موعدها ومكانها وعدد المشاركين حسب القطاع وتقريرها.
pub-file-feed = خلاصة Atom بأحدث التحديثات والردود، لبرامج متابعة الأخبار.
pub-file-format-json = ملف JSON، ووصف بنيته (JSON Schema):
pub-file-format-csv = ملف CSV، وقائمة أعمدته:
pub-file-format-atom = خلاصة Atom، وعناصر كل مُدخل فيها تقابل حقول:
pub-fields-caption = حقول { $file }
pub-field = الحقل
pub-field-meaning = معناه

pub-field-id = معرّف ثابت للسجل لا يتغيّر ولا يُعاد استخدامه.
pub-field-number = رقم الالتزام في الخطة.
pub-field-ogp_id = رمز الالتزام في شراكة الحكومات الشفافة (مثل JO0059).
pub-field-title_ar = العنوان بالعربية.
pub-field-title_en = العنوان بالإنجليزية.
pub-field-lead_agency_ar = الجهة المنفذة بالعربية.
pub-field-lead_agency_en = الجهة المنفذة بالإنجليزية.
pub-field-start_date = تاريخ البدء (YYYY-MM-DD).
pub-field-end_date = تاريخ الانتهاء (YYYY-MM-DD).
pub-field-completion = مستوى الإنجاز على سلّم الشراكة: not_started أو limited أو substantial أو complete.
pub-field-progress = نسبة التقدّم المئوية في آخر تحديث.
pub-field-last_update = وقت آخر تحديث للتقدّم.
pub-field-milestones_done = عدد المراحل المكتملة.
pub-field-milestones_total = عدد المراحل كلها.
pub-field-recommendations_received = عدد التوصيات الواردة (دون المخفية).
pub-field-recommendations_answered = عدد التوصيات التي رُدّ عليها بقرار.
pub-field-recommendations_published = عدد التوصيات المنشورة.
pub-field-themes = محاور الالتزام (الرمز والعنوان بالعربية والإنجليزية).
pub-field-milestones = المراحل: العنوان والتاريخان والحالة.
pub-field-page = عنوان الصفحة على هذا الموقع.
pub-field-commitment = رمز الالتزام في الشراكة.
pub-field-date = التاريخ والوقت مع فرق التوقيت.
pub-field-tag = نوع التحديث: progress (تقدّم) أو milestone (مرحلة) أو response (رد على توصية).
pub-field-note = ملاحظة الجهة المنفذة.
pub-field-evidence_url = رابط الدليل على الإنجاز.
pub-field-milestone = عنوان المرحلة.
pub-field-milestone_state = حالة المرحلة.
pub-field-recommendation = رقم التوصية التي رُدّ عليها.
pub-field-state = الحالة: للتوصية new أو received أو under_study أو accepted أو partly_accepted أو not_accepted أو implemented، وللاجتماع open أو closed.
pub-field-response = الرد المكتوب من الجهة المنفذة.
pub-field-plan = رمز الخطة.
pub-field-commitment_number = رقم الالتزام في خطته.
pub-field-theme = رمز المحور، أو فارغ لمحور آخر.
pub-field-theme_ar = المحور بالعربية.
pub-field-theme_en = المحور بالإنجليزية.
pub-field-round = رقم جولة التشاور التي وردت فيها التوصية، إن وُجدت.
pub-field-text = نص التوصية كما كتبه صاحبها.
pub-field-endorsements = عدد المشاركين الذين أيّدوا التوصية.
pub-field-responded_at = وقت الرد.
pub-field-author_sector = قطاع صاحب التوصية: cso أو government أو private أو academia أو media أو individual.
pub-field-author_governorate = محافظة صاحب التوصية، إن ذكرها.
pub-field-author_name = اسم صاحب التوصية، فقط إذا وافق على نشره.
pub-field-author_organisation = جهة صاحب التوصية، فقط إذا وافق على نشر اسمه.
pub-field-author_group = نتيجة مجموعة عمل: رقم المجموعة (رقم التزامها)، وصاحبها المجموعة لا شخص بعينه.
pub-field-at_table = عدد من جلسوا إلى طاولة مجموعة العمل.
pub-field-raised_by = عدد الأشخاص أو المجموعات الذين طرحوها، مع التوصيات المضمومة إليها، كلٌّ مرة واحدة.
pub-field-merged_into = رقم التوصية التي ضُمّت إليها هذه لأنها تقول الشيء نفسه (الرد عليها رد على هذه أيضاً).
pub-field-name = اسم الجولة.
pub-field-held_on = تاريخ انعقادها.
pub-field-place = مكانها، أو فارغ إذا كانت عبر الإنترنت.
pub-field-online = هل عُقدت عبر الإنترنت.
pub-field-commitments = رموز الالتزامات التي ناقشتها مجموعات العمل.
pub-field-participants = عدد من انضموا إلى مجموعات العمل عبر البوت.
pub-field-participants_by_sector = عدد من انضموا عبر البوت حسب القطاع.
pub-field-hall = الحضور في القاعة كما أدخله المنسقون: العدد الكلي، وضباط الارتباط بينهم، والعدد حسب القطاع؛ أو فارغ إذا لم يُدخَل.
pub-field-report = عنوان تقرير الجولة (Word).
pub-field-title = عنوان المُدخل.
pub-field-updated = وقت التحديث.
pub-field-link = رابط صفحة الالتزام.
pub-field-content = نص التحديث أو الرد.

pub-not-found-title = الصفحة غير موجودة
pub-not-found = لم نجد ما طلبته.

pub-feed-progress = تحديث على الالتزام { $number }
pub-feed-milestone = تحديث مرحلة في الالتزام { $number }
pub-feed-response = رد على التوصية رقم { NUMBER($id, useGrouping: 0) } (الالتزام { $number })
pub-feed-progress-body = مستوى الإنجاز: { $completion }، نسبة التقدّم { NUMBER($progress, useGrouping: 0) }%
pub-feed-response-body = التوصية: { $text }
    الحالة: { $state }
    الرد: { $response }

## In the chat: the question of showing one's name, and /publish for coordinators.

name-ask =
    { $when } هل نعرض اسمك وجهتك مع توصياتك المنشورة؟
    إن لم توافق تظهر توصياتك بقطاعك ومحافظتك فقط. يمكنك تغيير ذلك في أي وقت من /settings.
name-when-answered = تُنشر التوصيات على الموقع العام للخطة بعد أن يُرد عليها أو يوافق المنسقون على نشرها.
name-when-arrival = تُنشر التوصيات على الموقع العام للخطة فور وصولها.
name-yes-button = نعم، اعرض اسمي
name-no-button = لا، دون اسمي
name-shown = سيظهر اسمك وجهتك مع توصياتك المنشورة. يمكنك تغيير ذلك من /settings.
name-hidden = لن يظهر اسمك مع توصياتك المنشورة، بل قطاعك ومحافظتك فقط. يمكنك تغيير ذلك من /settings.
command-publish = نشر التوصيات المنتظرة على الموقع العام
pub-chat-immediate = تُنشر كل توصية على الموقع العام فور وصولها (بحسب إعدادات المنصة)، فلا شيء ينتظر الموافقة.
pub-chat-none = لا توجد توصيات تنتظر النشر: كل توصية ظاهرة إما رُدّ عليها أو وُوفق على نشرها.
pub-chat-title = { $count ->
    [one] توصية واحدة تنتظر النشر على الموقع العام (لم يُرد عليها ولم يُوافق على نشرها):
    [two] توصيتان تنتظران النشر على الموقع العام (لم يُرد عليهما ولم يُوافق على نشرهما):
    [few] { $count } توصيات تنتظر النشر على الموقع العام (لم يُرد عليها ولم يُوافق على نشرها):
    [many] { $count } توصية تنتظر النشر على الموقع العام (لم يُرد عليها ولم يُوافق على نشرها):
   *[other] { $count } توصية تنتظر النشر على الموقع العام (لم يُرد عليها ولم يُوافق على نشرها):
}
pub-chat-line = • الالتزام { $number }: { $count }
pub-chat-all-button = 🌐 نشر الكل ({ $count })
pub-chat-one-button = الالتزام { $number } ({ $count })
pub-chat-confirm = { $count ->
    [one] ستظهر توصية واحدة على الموقع العام بقطاع صاحبها ومحافظته (وباسمه إن وافق). هل تنشرها؟
    [two] ستظهر توصيتان على الموقع العام بقطاع صاحبيهما ومحافظتيهما (وباسميهما إن وافقا). هل تنشرهما؟
    [few] ستظهر { $count } توصيات على الموقع العام بقطاع أصحابها ومحافظاتهم (وبأسمائهم إن وافقوا). هل تنشرها؟
    [many] ستظهر { $count } توصية على الموقع العام بقطاع أصحابها ومحافظاتهم (وبأسمائهم إن وافقوا). هل تنشرها؟
   *[other] ستظهر { $count } توصية على الموقع العام بقطاع أصحابها ومحافظاتهم (وبأسمائهم إن وافقوا). هل تنشرها؟
}
pub-chat-confirm-button = ✅ نعم، انشر
pub-chat-done = { $count ->
    [zero] لم يُنشر شيء: لم تعد هناك توصيات تنتظر.
    [one] نُشرت توصية واحدة على الموقع العام.
    [two] نُشرت توصيتان على الموقع العام.
    [few] نُشرت { $count } توصيات على الموقع العام.
    [many] نُشرت { $count } توصية على الموقع العام.
   *[other] نُشرت { $count } توصية على الموقع العام.
}

## Voice recommendations and evidence files.
pub-field-voice_seconds = طول التوصية الصوتية بالثواني (فارغ للتوصية المكتوبة). لا يُنشر التسجيل نفسه؛ نصها تفريغ كتبه موظف.
pub-field-evidence_files = ملفات الأدلة التي أرفقها ضابط الارتباط بالتحديث (صور ومستندات)، بعناوين ثابتة على هذا الموقع.
pub-voice-note = توصية صوتية؛ لا يُنشر التسجيل نفسه حفاظاً على خصوصية صاحبها.
pub-voice-transcript = التفريغ النصي:
pub-evidence-files = ملفات الأدلة:
pub-field-answer = للرد: ترتيبه بين الردود على تلك التوصية (1 للرد الأول؛ الرد المعدَّل مُدخل جديد بالرقم التالي، وتبقى الردود السابقة كما كانت).
pub-rec-commitment = الالتزام
pub-rec-theme = المحور
pub-rec-round = الجولة التشاورية
pub-rec-author = مقدّمة من
pub-rec-state = الحالة الآن
pub-rec-endorsed = التأييد
pub-rec-history = السجل
pub-rec-received = وصلت التوصية
pub-rec-answer = الرد رقم { NUMBER($n, useGrouping: 0) }
pub-rec-changed = تغيّر الرد على هذه التوصية؛ يبقى كل رد بتاريخه ولا يُعاد كتابة أي منها.
pub-rec-permanent = لهذه الصفحة عنوان دائم، وكل رد مُدخل في { $file } وفي خلاصة التحديثات.
pub-data-append-only = ما يضمنه «الإلحاق فقط»
pub-data-append-only-value = لا يتغيّر مُدخل في { $file } أو في الخلاصة بعد نشره: الرد المعدَّل على توصية مُدخل جديد ({ $entry }) بتاريخه، وتبقى الردود السابقة كما هي حرفاً بحرف. لا يخرج مُدخل من الملفات إلا إذا توقف نشر توصيته (أُخفيت) أو مُحيت بيانات صاحبها.
pub-data-times = الأوقات
pub-data-times-value = كل وقت في كل ملف بتوقيت الأردن ({ $zone })، مكتوب وفق المعيار { $standard } مع فارقه عن التوقيت العالمي، مثل { $example }؛ والأيام بلا وقت تُكتب { $day }.
pub-data-snapshots = النسخ المؤرَّخة
pub-data-snapshots-value = نسخ من هذه الملفات أُخذت في تواريخ محددة، مع بصمات { $algorithm } للتحقق منها.
pub-data-machine = لبوابات البيانات
pub-data-machine-value = يصف الملف { $package } كل ملف بصيغة حزمة البيانات المعيارية، والملف { $record } سجل بمعيار فهرسة البيانات يتيح لبوابة البيانات الوطنية (مثل { $portal }) أن تجمع مجموعة البيانات.
pub-snapshots-title = النسخ المؤرَّخة من البيانات المفتوحة
pub-snapshots-intro = تحفظ كل نسخة ملفات البيانات المفتوحة كما كانت يوم أُخذت. تتيح البصمات لأي أحد التحقق من أن النسخة لم تتغيّر؛ ويجمعها الملف { $sums } للأمر { $command }.
pub-snapshots-caption = ملفات النسخة { $folder }
pub-snapshots-file = الملف
pub-snapshots-size = الحجم
pub-snapshots-bytes = { NUMBER($size, useGrouping: 0) } بايت
pub-snapshots-none = لم تؤخذ أي نسخة بعد.

pub-nav-search = البحث
pub-search-title = البحث في التوصيات المنشورة وتقارير التقدم
pub-search-label = الكلمات
pub-search-button = ابحث
pub-search-how = اكتب كلمة أو أكثر؛ تظهر التوصيات المنشورة وتقارير التقدم التي فيها كل الكلمات، الأحدث أولًا.
pub-search-count = { $count ->
    [zero] لا توجد توصيات منشورة ولا تقارير تقدم فيها هذه الكلمات.
    [one] نتيجة واحدة.
    [two] نتيجتان.
    [few] { $count } نتائج.
    [many] { $count } نتيجة.
   *[other] { $count } نتيجة.
}
pub-search-recommendation = التوصية رقم { $id } على الالتزام { $number }
pub-search-update = تقرير تقدم على الالتزام { $number }
pub-search-pages-label = صفحات نتائج البحث
pub-search-previous = النتائج الأحدث
pub-search-next = النتائج الأقدم

pub-glance-intro = أين يقف كل التزام اليوم.
pub-self-reported = الأرقام تقييم ذاتي كما أبلغت عنه الجهات المنفذة.
pub-no-report = لا تقرير بعد
pub-overdue = { $count ->
    [one] مرحلة متأخرة واحدة
    [two] مرحلتان متأخرتان
    [few] { $count } مراحل متأخرة
   *[other] { $count } مرحلة متأخرة
}
pub-days-since = { $count ->
    [zero] آخر تقرير اليوم
    [one] آخر تقرير قبل يوم واحد
    [two] آخر تقرير قبل يومين
    [few] آخر تقرير قبل { $count } أيام
    [many] آخر تقرير قبل { $count } يوماً
   *[other] آخر تقرير قبل { $count } يوم
}
pub-chart-answers = التوصيات المنشورة حسب حالة الرد (المجموع { $count })
pub-chart-progress = التقدم المعلن عبر الزمن
pub-round-deadline = آخر موعد للمدخلات { $date }
pub-attendance-hall = الحضور في القاعة: { $count }
pub-attendance-hall-none = الحضور في القاعة: لم يُدخَل
pub-attendance-bot = انضموا عبر البوت: { $count }
pub-way-in = شارك برأيك
pub-way-in-intro = أرسل توصياتك وتابع الردود عليها عبر البوت:
pub-way-in-telegram = افتح البوت على تيليغرام
pub-way-in-whatsapp = راسلنا على واتساب
pub-way-in-qr = امسح الرمز بكاميرا الهاتف لفتح البوت.
pub-way-in-none = اطلب من منسقي الخطة رابط البوت للمشاركة.
pub-field-hall_count = عدد الحاضرين في القاعة كما أدخله المنسقون، أو فارغ إذا لم يُدخَل.
pub-field-joined_via_bot = عدد من انضموا إلى مجموعات العمل عبر البوت (رقم مستقل عن الحضور في القاعة).
pub-field-short_title_ar = العنوان المختصر للالتزام بالعربية كما في الخطة، أو فارغ.
pub-field-short_title_en = العنوان المختصر للالتزام بالإنجليزية كما في الخطة، أو فارغ.
pub-field-ogp_values = قيم الشراكة التي يتصل بها الالتزام: access_to_information أو civic_participation أو public_accountability أو technology_innovation.
pub-field-supporting_institutions_ar = الجهات الداعمة بالعربية كما في الخطة.
pub-field-supporting_institutions_en = الجهات الداعمة بالإنجليزية كما في الخطة.
pub-field-irm = تقييم آلية الإبلاغ المستقلة كما أدخله المنسقون، منفصلاً عن التقييم الذاتي: الإنجاز في منتصف المدة ونهايتها (ومنه no_evidence)، «هل فتح الحكومة؟»، الأثر المحتمل، النجمة، ورابط التقرير؛ أو فارغ إذا لم يُدخَل شيء.
pub-tracks-caption = التقييم الذاتي للجهة المنفذة إلى جانب تقييم آلية الإبلاغ المستقلة
pub-track-field = البند
pub-track-self = التقييم الذاتي
pub-track-irm = آلية الإبلاغ المستقلة
pub-track-none = —
pub-short-title = العنوان المختصر
pub-ogp-values = قيم الشراكة
pub-supporting = الجهات الداعمة
pub-data-authors = كيف يظهر كاتب التوصية
pub-data-authors-value = باسمه وجهته فقط إن وافق. وإلا فبقطاعه ومحافظته حيث يشترك فيهما { $crowd } على الأقل من الكتّاب غير المسمَّين ذوي التوصيات المنشورة؛ وإلا فبقطاعه وحده حيث يشترك فيه { $crowd } على الأقل؛ وإلا «مشارك» دون تفاصيل.
