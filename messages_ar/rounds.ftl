## Consultation rounds: the coordinator's /round, joining a working group, the group's view and the round's figures.

menu-rounds = 🗓️ جولات التشاور
menu-group = 👥 مجموعة عملي
keyword-group = مجموعتي
keyword-round = جولات

## The discussion questions every working group takes by default (as in the first stakeholder meeting).
rq-default-progress = ما مدى تقدّم سير العمل في الالتزام؟
rq-default-challenges = ما التحديات التي تواجه التنفيذ؟
rq-default-expectations = ما توقعاتكم من الالتزام حتى نهاية الخطة؟
rq-default-mechanisms = ما آليات تفعيل التنفيذ واستكماله؟
rq-default-civil-society = ما دور مؤسسات المجتمع المدني في ذلك؟

round-list-title =
    { $count ->
        [zero] لا توجد جولات تشاور بعد.
        [one] جولة تشاور واحدة:
        [two] جولتا تشاور:
        [few] { $count } جولات تشاور:
       *[other] { $count } جولة تشاور:
    }
round-list-line = • { $name } — { $date } — { $state }
round-new-button = ➕ جولة جديدة
round-back-button = ↩️ كل الجولات
round-unknown = لم أجد هذه الجولة.

round-state-draft = مسودة
round-state-open = مفتوحة للمشاركة
round-state-closed = مغلقة
round-state-ended = انتهت (مضى الموعد النهائي)
round-online = عبر الإنترنت
round-no-date = بلا موعد محدد
round-no-deadline = بلا موعد نهائي

round-view =
    🗓️ { $name }
    التاريخ: { $date } — المكان: { $place }
    آخر موعد للمشاركة: { $deadline }
    الحالة: { $state }

    مجموعات العمل:
    { $groups }

    أسئلة النقاش:
    { $questions }

    { $joining }

    المشاركون حتى الآن: { $members } — التوصيات: { $inputs }
round-joining-link =
    رابط الانضمام: { $link }
    أو يكتب المشارك الرمز { $code } في محادثة البوت (تيليجرام أو واتساب).
round-joining-code = يكتب المشارك الرمز { $code } في محادثة البوت (تيليجرام أو واتساب) للانضمام.
round-open-button = ▶️ فتح الجولة
round-reopen-button = 🔄 إعادة فتح الجولة
round-close-button = ⏹️ إغلاق الجولة
round-qr-button = 🔳 رمز QR للطباعة
round-public-join-button = 🌐 نشر رابط الانضمام على الموقع العام
round-public-join-stop-button = 🌐 إيقاف نشر رابط الانضمام
round-public-join-on = صار رابط الانضمام ورمز QR ظاهرَين على الموقع العام ما دامت الجولة مفتوحة: يستطيع أي شخص الانضمام بهما.
round-public-join-off = لم يعد رابط الانضمام ظاهراً على الموقع العام. من نشره سابقاً ما زال يستطيع الانضمام به ما دامت الجولة مفتوحة.
round-attendance-button = 👥 الحضور
round-findings-button = 📝 أبرز النتائج
round-deadline-button = ⏰ تغيير الموعد النهائي
round-edit-button = ✏️ تعديل الجولة
round-opened = فُتحت الجولة. شارك رمز QR أو الرابط مع المشاركين.
round-reopened = أُعيد فتح الجولة.
round-reopened-past-deadline = أُعيد فتح الجولة، لكن موعدها النهائي قد مضى: غيّر الموعد النهائي ليتمكن المشاركون من الإرسال.
round-closed-done = أُغلقت الجولة. لن تُقبل مشاركات جديدة فيها. { $count ->
    [zero] لا يوجد أعضاء لإبلاغهم.
    [one] سيصل الخبر إلى عضو واحد.
    [two] سيصل الخبر إلى عضوين.
    [few] سيصل الخبر إلى { $count } أعضاء.
    [many] سيصل الخبر إلى { $count } عضواً.
   *[other] سيصل الخبر إلى { $count } عضو.
}
round-notice-deadline = تغيّر آخر موعد للمشاركة في «{ $name }» إلى { $deadline }. يمكنك إرسال توصياتك حتى ذلك الموعد عبر الأمر /recommend.
round-notice-closed =
    أُغلقت جولة التشاور «{ $name }»، ولم تعد تُقبل فيها مشاركات جديدة. شكراً لمشاركتك.
    الخطوات التالية: تجمع وحدة الحكومة الشفافة مخرجات مجموعات العمل في تقرير اللقاء وترسلها إلى ضباط الارتباط في الجهات المعنية، وستصلك هنا ردودهم على توصياتك.
round-already = لم يتغير شيء: الجولة { $state } أصلاً.
round-qr-caption = { $name } — امسح الرمز للانضمام: { $link }
round-qr-text =
    رمز QR للانضمام إلى «{ $name }» (صورة PNG جاهزة للطباعة أو لشريحة العرض).
    الرابط: { $link }
    لمن يستخدم واتساب أو لا يستطيع المسح: يكتب الرمز { $code } في محادثة البوت.
round-qr-unavailable = لا يتوفر رابط تيليجرام لهذا البوت الآن (يعمل دون تيليجرام)، لذا لا يمكن إنشاء رمز QR. يستطيع المشاركون الانضمام بكتابة الرمز { $code }.

## Creating a round, step by step.
round-ask-name = ما اسم الجولة؟ (مثال: اللقاء الأول بين أصحاب المصلحة وضباط ارتباط تنفيذ الخطة الوطنية)
round-name-invalid = الاسم يجب أن يكون بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}. اكتبه مرة أخرى من فضلك.
round-ask-date = متى تُعقد الجولة؟ اكتب التاريخ بالشكل يوم/شهر/سنة، مثل 30/9/2019، أو «اليوم». ويمكن تسجيل لقاء عُقد سابقاً.
round-today-button = 📅 اليوم
round-today-word = اليوم
round-date-past = التاريخ { $date } قد مضى. هل تسجّل لقاءً عُقد فعلاً في ذلك اليوم؟ اختر «نعم»، أو اكتب تاريخاً آخر.
round-deadline-past-confirm = الموعد { $deadline } قد مضى، فلن تُقبل مشاركات عبر البوت بعد إنشاء الجولة إلا إذا غيّرت موعدها لاحقاً. هل تسجّل لقاءً انتهى فعلاً؟ اختر «نعم»، أو اكتب موعداً آخر.
round-past-keep-button = ✅ نعم، لقاء سابق
round-date-invalid = لم أفهم التاريخ. اكتبه بالشكل يوم/شهر/سنة، مثل 30/9/2019.
round-ask-place = أين تُعقد الجولة؟ اكتب المكان (مثل: فندق جنيفا - عمّان) أو اختر «عبر الإنترنت».
round-online-button = 💻 عبر الإنترنت
round-place-invalid = اكتب اسم المكان بين { $min } و{ $max ->
    [few] { $max } أحرف
    [many] { $max } حرفاً
   *[other] { $max } حرف
}، أو اختر «عبر الإنترنت».
round-ask-commitments = اختر الالتزامات التي تناقشها الجولة؛ لكل التزام مجموعة عمل. اضغط على الالتزام لإضافته أو إزالته، ثم «متابعة».
round-commitments-done = ⬅️ متابعة
round-commitments-empty = اختر التزاماً واحداً على الأقل.
round-ask-questions =
    هذه أسئلة النقاش التي تتناولها كل مجموعة عمل:
    { $questions }

    اضغط «اعتماد هذه الأسئلة»، أو اكتب أسئلتك سؤالاً في كل سطر (أو في سطر واحد ينتهي كل سؤال فيه بـ«؟»).
round-questions-default = ✅ اعتماد هذه الأسئلة
round-questions-invalid = اكتب من سؤال واحد إلى { $max ->
    [few] { $max } أسئلة
    [many] { $max } سؤالاً
   *[other] { $max } سؤال
}، سؤالاً في كل سطر، ولا يتجاوز السؤال { $length ->
    [few] { $length } أحرف
    [many] { $length } حرفاً
   *[other] { $length } حرف
}.
round-ask-deadline = ما آخر موعد لاستقبال المشاركات؟ اكتب التاريخ بالشكل يوم/شهر/سنة، ويمكنك إضافة الساعة مثل 15/10/2019 17:00 (بتوقيت عمّان). دون ساعة يُقبل الإرسال حتى نهاية ذلك اليوم.
round-week-button = 📆 بعد أسبوع من اللقاء
round-deadline-invalid = لم أفهم الموعد. اكتبه بالشكل يوم/شهر/سنة، مع الساعة إن شئت، مثل 15/10/2019 17:00.
round-deadline-past = هذا الموعد قد مضى. اختر موعداً بعد الآن.
round-preview =
    راجع الجولة قبل إنشائها:

    الاسم: { $name }
    التاريخ: { $date } — المكان: { $place }
    آخر موعد للمشاركة: { $deadline }

    مجموعات العمل:
    { $groups }

    أسئلة النقاش:
    { $questions }
round-create-button = 💾 حفظ كمسودة
round-create-open-button = ▶️ حفظ وفتح الجولة
round-created = أُنشئت الجولة.
round-ask-new-deadline = اكتب الموعد النهائي الجديد بالشكل يوم/شهر/سنة، مع الساعة إن شئت، مثل 15/10/2019 17:00.
round-deadline-changed = تغيّر الموعد النهائي إلى { $deadline }. { $count ->
    [zero] لا يوجد أعضاء لإبلاغهم.
    [one] سيصل الخبر إلى عضو واحد.
    [two] سيصل الخبر إلى عضوين.
    [few] سيصل الخبر إلى { $count } أعضاء.
    [many] سيصل الخبر إلى { $count } عضواً.
   *[other] سيصل الخبر إلى { $count } عضو.
}

## Joining and the working group.
join-ask-code = اكتب رمز الجولة أو الدعوة بعد الأمر، مثل: /join r_ABC234
round-join-unknown = لم أجد جولة بهذا الرمز. تأكد من الرمز المكتوب على الشريحة أو الورقة، أو اسأل منسق اللقاء.
round-join-code-needed = للانضمام إلى مجموعة عمل في هذه الجولة أرسل رمز الجولة المكتوب على الشريحة أو الورقة، أو افتح رابطها.
round-join-not-open = الجولة «{ $name }» لم تُفتح للمشاركة بعد. أعد المحاولة عند بدء اللقاء.
round-join-closed =
    انتهى استقبال المشاركات في «{ $name }».
    الخطوات التالية: تجمع وحدة الحكومة الشفافة مخرجات مجموعات العمل في تقرير اللقاء وترسلها إلى ضباط الارتباط في الجهات المعنية، وستصلك هنا ردودهم على توصياتك.
    ما زال بإمكانك إرسال توصية عامة على أي التزام من القائمة.
round-welcome =
    أهلاً بك في «{ $name }»
    التاريخ: { $date } — المكان: { $place }
    آخر موعد للمشاركة: { $deadline }

    اختر مجموعة العمل (الالتزام) التي تودّ الانضمام إليها:
round-welcome-newcomer =
    أهلاً بك في «{ $name }»
    التاريخ: { $date } — المكان: { $place }

    سجّل أولاً (دقيقة واحدة)، ثم تختار مجموعة العمل التي تنضم إليها.
round-welcome-member =
    أنت في «{ $name }» ضمن مجموعة العمل: { $group }
    لتغيير مجموعتك اختر مجموعة أخرى:
round-joined =
    انضممت إلى مجموعة العمل: { $group }
    تناقش المجموعة:
    { $questions }

    أرسل توصياتك قبل { $deadline }، واطّلع على توصيات مجموعتك وأيّد ما تتفق معه.
round-group-changed = انتقلت إلى مجموعة العمل: { $group }
round-add-button = ✍️ أضف توصية
round-group-view-button = 👀 توصيات المجموعة
round-change-group-button = 🔁 تغيير المجموعة
round-no-group = لم تنضم إلى أي جولة تشاور مفتوحة. امسح رمز QR المعروض في اللقاء، أو اكتب رمز الجولة (مثل r_ABC234).
round-group-title =
    👥 { $group } — { $name }
    آخر موعد للمشاركة: { $deadline }
round-group-empty = لم تُرسل مجموعتك أي توصية بعد. كن أول من يشارك!
round-group-count =
    { $count ->
        [one] توصية واحدة من المجموعة (الأكثر تأييداً أولاً):
        [two] توصيتان من المجموعة (الأكثر تأييداً أولاً):
        [few] { $count } توصيات من المجموعة (الأكثر تأييداً أولاً):
       *[other] { $count } توصية من المجموعة (الأكثر تأييداً أولاً):
    }
round-group-item = { $receipt } · 👍 { $endorsements }{ $mine }{ $question }
    { $text }
round-group-item-mine = · توصيتك
round-group-item-endorsed = · أيّدتها
round-group-item-question = · { $question }
round-endorse-button = 👍 تأييد { $receipt }
round-endorsed = سُجّل تأييدك للتوصية { $receipt }.
round-endorse-own = لا يمكنك تأييد توصيتك. إليك توصيات مجموعتك:
round-endorse-again = سبق أن أيّدت هذه التوصية.
round-endorse-unknown = هذه التوصية ليست من توصيات مجموعتك في هذه الجولة.

## Recommending inside a round.
round-ask-question =
    توصيتك ضمن «{ $name }»، مجموعة العمل: { $group }
    على أي سؤال من أسئلة النقاش تجيب؟
round-question-general = سؤال آخر أو ملاحظة عامة
round-late =
    نعتذر، انتهى موعد استقبال المشاركات في «{ $name }» يوم { $deadline }.
    الخطوات التالية: تجمع وحدة الحكومة الشفافة مخرجات مجموعات العمل في تقرير اللقاء وترسلها إلى ضباط الارتباط في الجهات المعنية، وستصلك هنا ردودهم على توصياتك.
    ما زال بإمكانك إرسال توصية عامة على الالتزام خارج الجولة.
round-general-button = ✍️ توصية عامة خارج الجولة
round-late-kept = انتهى موعد استقبال المشاركات في «{ $name }» يوم { $deadline }، لكن نصك محفوظ: يمكنك إرساله الآن توصيةً عامة على الالتزام نفسه خارج الجولة، أو تعديله، أو إلغاؤه.

## The round's figures.
round-attendance =
    👥 الحضور في «{ $name }»
    { $hall }

    عبر البوت:
    { $joined }
    { $officers }

    حسب القطاع:
    { $sectors }

    حسب الجهة ({ $organisations_count }):
    { $organisations }

    حسب مجموعة العمل:
    { $groups }
round-attendance-joined =
    { $count ->
        [zero] لم ينضم أحد بعد.
        [one] انضم مشارك واحد.
        [two] انضم مشاركان.
        [few] انضم { $count } مشاركين ومشاركات.
        [many] انضم { $count } مشاركاً ومشاركة.
       *[other] انضم { $count } مشارك ومشاركة.
    }
round-attendance-officers =
    { $count ->
        [zero] لم ينضم ضباط ارتباط.
        [one] منهم ضابط ارتباط واحد.
        [two] منهم ضابطا ارتباط.
        [few] منهم { $count } ضباط ارتباط.
       *[other] منهم { $count } ضابط ارتباط.
    }
round-count-line = • { $label }: { $count }
round-group-line = { $number }. { $title }: { $count }
round-group-sectors = ({ $sectors })
round-no-organisation = دون جهة
round-no-sector = غير محدد
round-findings-title = 📝 أبرز النتائج في «{ $name }»
round-findings-commitment = أبرز النتائج فيما يتعلق بالالتزام { $number }: { $title }
round-findings-none = لم تصل توصيات من هذه المجموعة.
round-findings-question = ◂ { $question }
round-findings-theme = · { $theme }:
round-findings-item = { $index }. { $text } (👍 { $endorsements })
round-findings-untagged = ملاحظات عامة
round-findings-no-theme = محور آخر

## Editing a draft or open round.
round-edit-what = ماذا تريد أن تعدّل في «{ $name }»؟
round-edit-name = الاسم
round-edit-date = التاريخ
round-edit-place = المكان
round-edit-groups = مجموعات العمل
round-edit-questions = أسئلة النقاش
round-edit-back = ↩️ العودة إلى الجولة
round-edit-save = 💾 حفظ
round-edit-ask-name = الاسم الحالي: { $name }
    اكتب الاسم الجديد.
round-edit-ask-questions =
    أسئلة النقاش الحالية:
    { $questions }

    اكتب الأسئلة كلها من جديد، سؤالاً في كل سطر (أو في سطر واحد ينتهي كل سؤال فيه بـ«؟»).
round-edit-groups-in-use = لا يمكن إزالة مجموعة عمل انضم إليها مشاركون أو وصلتها توصيات: { $groups }. أبقيناها في الجولة.
round-edit-question-in-use = السؤال «{ $question }» أجابت عنه توصيات، فلا يمكن حذفه. اكتب { $count ->
    [one] سؤالاً واحداً
    [two] سؤالين
    [few] { $count } أسئلة
    [many] { $count } سؤالاً
   *[other] { $count } سؤال
} على الأقل (يمكنك تعديل صياغتها).
round-edit-closed = لا يمكن تعديل جولة مغلقة. أعد فتحها أولاً إن أردت تعديلها.
round-edited = حُفظ التعديل.
round-edit-name-en = الاسم بالإنجليزية
round-edit-place-en = المكان بالإنجليزية
round-edit-questions-en = أسئلة النقاش بالإنجليزية
round-edit-no-english = 🚫 دون نسخة إنجليزية
round-edit-ask-english =
    بالعربية: { $arabic }
    بالإنجليزية الآن: { $english }

    اكتب النسخة الإنجليزية. هي اختيارية: دونها يرى قرّاء الإنجليزية النص العربي.
round-edit-ask-questions-en =
    الأسئلة التي كتبتموها (بالعربية — بالإنجليزية الآن):
    { $questions }

    اكتب { $count ->
        [one] السؤال بالإنجليزية
        [two] السؤالين بالإنجليزية، كلاً في سطر وبالترتيب نفسه
       *[other] الأسئلة بالإنجليزية، سؤالاً في كل سطر وبالترتيب نفسه
    }. النسخة الإنجليزية اختيارية: دونها يرى قرّاء الإنجليزية النص العربي.
round-edit-questions-en-none = أسئلة هذه الجولة كلها من الأسئلة المقترحة، ولها صياغة إنجليزية جاهزة.
round-edit-questions-en-invalid = اكتب { $count ->
    [one] سؤالاً واحداً
    [two] سؤالين
    [few] { $count } أسئلة
    [many] { $count } سؤالاً
   *[other] { $count } سؤال
} بالإنجليزية، سؤالاً في كل سطر وبترتيب الأسئلة العربية، لا يزيد أيٌّ منها على { $length } حرف.

## Attendance counted in the hall, beside those who joined through the bot.
round-hall-button = 🏛️ حضور القاعة
hall-ask-total = كم شخصاً حضر اللقاء في القاعة؟ اكتب العدد الكلي، مثل 55. (يظهر في التقرير بجانب من انضموا عبر البوت.)
hall-keep-button = ↩️ إبقاء { $count }
hall-ask-officers = كم ضابط ارتباط كان بين الحضور ({ $total })؟ اكتب العدد، أو 0 إن لم يحضر أحد منهم.
hall-not-counted = لم نعدّهم
hall-ask-sectors = حسب نوع الجهة (اختياري): اضغط على النوع واكتب عدد الحاضرين منه، ثم اختر «حفظ». المعدود حتى الآن: { $counted } من { $total }.
hall-sector-line = { $sector }: { $count }
hall-ask-sector = كم شخصاً حضر من «{ $sector }»؟ اكتب العدد (0 لحذفه).
hall-save = 💾 حفظ
hall-number-invalid = اكتب عدداً صحيحاً من 0 إلى { $most }.
hall-saved = سُجّل حضور القاعة: { $count ->
    [zero] لا أحد.
    [one] شخص واحد.
    [two] شخصان.
    [few] { $count } أشخاص.
    [many] { $count } شخصاً.
   *[other] { $count } شخص.
}
round-hall-line = في القاعة: { $count ->
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصاً
   *[other] { $count } شخص
}{ $officers }{ $sectors }
round-hall-officers = ، منهم { $count ->
    [zero] لا أحد من ضباط الارتباط
    [one] ضابط ارتباط واحد
    [two] ضابطا ارتباط
    [few] { $count } ضباط ارتباط
   *[other] { $count } ضابط ارتباط
}
round-hall-sectors = { " " }({ $sectors })
round-hall-none = لم يُسجَّل حضور القاعة بعد.

command-round = جولات التشاور وإدارتها
command-group = مجموعة عملي في جولة التشاور
