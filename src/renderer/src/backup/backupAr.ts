import type { ArabicPlurals } from '../i18n/arabicPlurals';
import type { BackupTranslation } from './backupEn';

export const backupAr: ArabicPlurals<BackupTranslation> = {
  backup: {
    title: 'النسخ الاحتياطية',
    intro:
      'ينسخ ChapterDesk الفرع إلى مجلد النسخ الاحتياطية مرة في اليوم، وقبل كل استيراد، وقبل أن يغيّر تحديثٌ الملف. تُحفظ آخر {{count}} نسخ، على هذا الحاسوب فقط.',
    folder: 'المجلد: {{folder}}',
    saveAs: 'حفظ نسخة احتياطية باسم…',
    saving: 'جارٍ الحفظ…',
    saved: 'حُفظت النسخة الاحتياطية باسم {{name}}. احتفظ بها في مكان غير هذا الحاسوب.',
    restoreFrom: 'الاستعادة من نسخة احتياطية…',
    closeRestore: 'إغلاق',
    automatic: 'النسخ الاحتياطية التلقائية',
    none: 'لا نسخة احتياطية تلقائية بعد.',
    kind: {
      daily: 'يومية',
      migration: 'قبل تحديث',
      import: 'قبل استيراد',
      restore: 'قبل استعادة',
    },
    restoreThis: 'استعادة',
    restoreThisLabel: 'استعادة نسخة {{when}}',
    pickFile: 'أو استعادة ملف محفوظ في مكان آخر',
    tooLarge: '{{name}} أكبر من أن يكون نسخة احتياطية لفرع.',
    unreadable: 'تتعذّر قراءة {{name}}.',
    confirmTitle: 'استعادة نسخة {{when}}؟',
    confirmFileTitle: 'استعادة {{name}}؟',
    confirmText:
      'يصبح الفرع على هذا الحاسوب ما تحويه النسخة الاحتياطية. ما أُرسل إلى خادم المزامنة منذ ذلك الحين يعود مع المزامنة التالية؛ ويُحفظ الفرع بحالته الحالية نسخةً احتياطية.',
    restore: 'استعادة',
    restoring: 'جارٍ الاستعادة…',
    unsyncedTitle: 'ستضيع تغييرات',
    restoreAnyway: 'الاستعادة رغم ذلك',
    cancel: 'إلغاء',
    restored: 'استُعيدت نسخة {{when}}.',
    restoredFile: 'استُعيد {{name}}.',
    recovery: {
      title: 'ملف الفرع تالف',
      text: 'لم يعد ChapterDesk قادرًا على قراءة ملف الفرع بأمان، فلم يفتحه ولم يغيّره. استعد نسخة احتياطية للمتابعة: يُحفظ الملف التالف بجانب الفرع ولا يُكتب فوقه أبدًا.',
      newest: 'أحدث نسخة احتياطية سليمة أُنشئت {{when}} ({{kind}}).',
      noBackup:
        'لا توجد نسخة احتياطية تلقائية سليمة على هذا الحاسوب. إن حفظت واحدة في مكان آخر، أو لديك نسخة من ملف الفرع، فاستعدها هنا.',
      restoreNewest: 'استعادة هذه النسخة',
      afterwards: 'التغييرات التي أُجريت منذ النسخة ووصلت إلى خادم المزامنة تعود مع المزامنة التالية.',
    },
  },
};
