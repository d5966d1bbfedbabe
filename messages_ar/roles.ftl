## Roles: invitations, the team, refusals and each role's commands.

roles-refused = عذراً، هذا الإجراء متاح لضباط الارتباط والمنسقين المخوّلين فقط. لم يتغير شيء.
role-coordinator = منسق
role-liaison = ضابط ارتباط للالتزام { $number }

menu-inbox = 📥 التوصيات الواردة
menu-update = 📈 تحديث حالة الالتزام
menu-team = 👥 الفريق
menu-settings = ⚙️ الإعدادات

command-inbox = التوصيات الواردة على التزاماتك
command-update = تحديث حالة تنفيذ الالتزام
command-milestones = مراحل الالتزام: إضافة وتعديل
command-invite = دعوة ضابط ارتباط أو منسق
command-team = الفريق والأدوار
command-follow = متابعة الالتزامات
command-settings = إعدادات الإشعارات


invite-choose-role = لأي دور تريد إرسال الدعوة؟ تصلح الدعوة لشخص واحد ولمدة { $days ->
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يوماً
   *[other] { $days } يوم
}.
invite-created = أُنشئت دعوة بدور «{ $role }»، صالحة حتى { $expires }. أرسل الرسالة التالية إلى الشخص المعني.
invite-card =
    دعوة للانضمام إلى بوت متابعة الخطة الوطنية لشراكة الحكومات الشفافة بدور «{ $role }».

    افتح الرابط التالي في تيليجرام:
    { $link }

    أو أرسل إلى البوت (واتساب): /join { $code }

    الدعوة لشخص واحد وصالحة حتى { $expires }.
invite-card-code =
    دعوة للانضمام إلى بوت متابعة الخطة الوطنية لشراكة الحكومات الشفافة بدور «{ $role }».

    أرسل إلى البوت: /join { $code }

    الدعوة لشخص واحد وصالحة حتى { $expires }.
invite-register-first = وصلتك دعوة بدور «{ $role }». سجّل أولاً (دقيقة واحدة)، ثم تُمنح الدور مباشرة.
invite-accepted = أهلاً بك! أصبحت الآن «{ $role }». ستجد أوامر دورك في القائمة وفي /help.
role-granted-notice = أصبحت الآن «{ $role }». ستجد أوامر دورك في القائمة وفي /help.
role-revoked-notice = لم تعد «{ $role }»، وأُزيلت أوامر هذا الدور من قائمتك.
invite-taken-notice = قُبلت دعوتك: صار دور { $name } «{ $role }».
invite-already-held = أنت «{ $role }» بالفعل، ولم تُستخدم الدعوة؛ يمكن إعطاؤها لشخص آخر.
invite-unknown = رمز الدعوة هذا غير معروف. تأكد من نسخه كاملاً أو اطلب دعوة جديدة من المنسق.
invite-used = استُخدمت هذه الدعوة من قبل، فهي تصلح لمرة واحدة. اطلب دعوة جديدة من المنسق.
invite-expired = انتهت صلاحية هذه الدعوة. اطلب دعوة جديدة من المنسق.
join-usage = أرسل رمز الدعوة بعد الأمر، مثلاً: /join i_AbC123
team-title = الفريق وأدواره:
team-configured = • { $name } — { $organisation } — منسق (من إعدادات النظام)
team-configured-unregistered = • منسق على { $channel } لم يسجّل بعد (من إعدادات النظام)
team-channel-other = قناة أخرى
team-line = • { $name } — { $organisation } — { $role }
team-empty = لم يُمنح أي دور بعد. استخدم /invite لدعوة ضباط الارتباط.
team-remove-button = ✖️ إزالة دور { $name }
team-invite-button = ➕ دعوة شخص
team-confirm-remove = هل تريد إزالة دور «{ $role }» من { $name }؟
team-confirm-button = ✅ نعم، أزل الدور
team-removed = أُزيل دور «{ $role }» من { $name }.
roles-refused-coordinator = عذراً، هذا الإجراء متاح لمنسقي الخطة فقط. لم يتغير شيء.
invite-own = لا يمكن استخدام دعوة أنشأتها بنفسك. أرسلها إلى الشخص المعني.
invite-withdrawn = سُحبت هذه الدعوة: لم يعد من أرسلها منسقاً. اطلب دعوة جديدة من أحد المنسقين.
invite-open-button = 📋 الدعوات المفتوحة
invite-open-title = { $count ->
    [zero] لا توجد دعوات مفتوحة.
    [one] دعوة واحدة لم تُستخدم بعد:
    [two] دعوتان لم تُستخدما بعد:
    [few] { $count } دعوات لم تُستخدم بعد:
    [many] { $count } دعوة لم تُستخدم بعد:
   *[other] { $count } دعوة لم تُستخدم بعد:
}
invite-open-line = • «{ $role }» — أنشأها { $creator } — صالحة حتى { $expires }
invite-withdraw-button = سحب دعوة «{ $role }»
invite-withdrawn-done = سُحبت الدعوة؛ لم يعد رابطها ولا رمزها يعملان.
invite-withdraw-gone = هذه الدعوة استُخدمت أو انتهت صلاحيتها أو سُحبت من قبل.
command-search = البحث في التوصيات والتحديثات
