import type { ArabicPlurals } from '../i18n/arabicPlurals';
import type { UpdatesTranslation } from './updatesEn';

export const updatesAr: ArabicPlurals<UpdatesTranslation> = {
  updates: {
    title: 'تحديثات التطبيق',
    intro:
      'يبحث ChapterDesk عن إصدار جديد على خادم المزامنة الخاص بالفرع عند بدء التشغيل ومرة كل يوم، وينزّله في الخلفية (وليس أثناء المزامنة أبدًا) ويسأل قبل إعادة التشغيل.',
    current: 'هذا الإصدار: {{version}}',
    unavailable: 'تأتي التحديثات من خادم المزامنة الخاص بالفرع: اربط هذا الحاسوب بخادم أولًا.',
    idle: 'لم يتم التحقق بعد.',
    checking: 'جارٍ البحث عن إصدار جديد…',
    upToDate: 'هذا هو أحدث إصدار.',
    available: 'الإصدار {{version}} متاح ({{size}}).',
    deferredSyncing: 'سيُنزَّل الإصدار {{version}} بعد انتهاء المزامنة الجارية.',
    deferredMetered:
      'الإصدار {{version}} متاح ({{size}}). هذا الاتصال محسوب بالاستهلاك، لذلك لا يُنزَّل إلا عندما تطلب ذلك.',
    downloading: 'جارٍ تنزيل الإصدار {{version}}: {{done}} من {{total}}.',
    ready: 'الإصدار {{version}} جاهز. أعد تشغيل ChapterDesk لاستخدامه.',
    restarting: 'جارٍ إعادة التشغيل للتحديث…',
    offline: 'تعذّر الوصول إلى الخادم: يبدو أن هذا الحاسوب غير متصل.',
    interrupted: 'انقطع التنزيل عند {{done}} من {{total}}. سيستأنف من هناك.',
    corrupt: 'كان الملف المنزَّل تالفًا وتم حذفه. تحقّق مرة أخرى للبدء من جديد.',
    feed: 'لا يقدّم الخادم أي تحديث يمكن لهذا الإصدار استخدامه.',
    lastChecked: 'آخر تحقق: {{when}}.',
    checkNow: 'تحقّق الآن',
    download: 'تنزيل',
    resume: 'استئناف التنزيل',
    restart: 'أعد التشغيل للتحديث',
    progress: 'تنزيل التحديث',
    metered: 'هذا الاتصال محسوب بالاستهلاك: لا تنزّل التحديثات إلا عندما أطلب (وتنتظر المزامنات الكبيرة أيضًا)',
    notice: 'الإصدار {{version}} من ChapterDesk جاهز.',
    later: 'لاحقًا',
  },
};
