import type { ProblemsTranslation } from './problemsEn';

export const problemsFr: ProblemsTranslation = {
  problems: {
    too_big: 'Trop grand',
    too_big_string: '{{maximum, number}} caractères au maximum',
    too_big_number: '{{maximum, number}} au plus',
    too_big_array: '{{maximum, number}} éléments au plus',
    too_small: 'Trop petit',
    too_small_empty: 'À remplir',
    too_small_string: '{{minimum, number}} caractères au moins',
    too_small_number: '{{minimum, number}} au moins',
    too_small_array: '{{minimum, number}} éléments au moins',
    invalid_format: 'N’est pas écrit comme ce champ l’attend',
    invalid_format_email: 'Adresse e-mail non valide',
    invalid_format_date: 'Indiquez une date comme 2024-03-31',
    invalid_format_url: 'N’est pas une adresse web',
    invalid_type: 'Manquant, ou pas le type de valeur que prend ce champ',
    invalid_value: 'Ne fait pas partie des choix',
    not_multiple_of: 'Doit être un multiple de {{divisor, number}}',
    unrecognized_keys: 'ChapterDesk a envoyé une donnée que cette version ne connaît pas. Rechargez la page.',
    invalid_union: 'N’est pas une valeur que prend ce champ',
    invalid_key: 'N’est pas une valeur que prend ce champ',
    invalid_element: 'N’est pas une valeur que prend ce champ',
    custom: 'N’est pas une valeur que prend ce champ',

    MEMBER_NOT_FOUND: 'Ce membre n’est plus là : il a peut-être été effacé sur un autre ordinateur.',
    MEMBER_DELETED: 'Ce membre a été supprimé. Restaurez-le d’abord.',
    MEMBER_ERASED: 'Ce membre a déjà été effacé.',
    MEMBER_NUMBER_TAKEN: 'Le numéro {{number}} appartient déjà à {{name}}',
    EMAIL_TAKEN: 'Un autre membre ({{name}}) utilise déjà cette adresse e-mail',
    NAME_OR_EMAIL_REQUIRED: 'Indiquez au moins un nom ou une adresse e-mail',
    MERGE_SAME_MEMBER: 'Un membre ne peut pas être fusionné avec lui-même.',
    NOT_DUE_FOR_ERASURE_one:
      'Personne n’a été effacé : {{count, number}} de ces membres n’est plus à effacer. Consultez de nouveau la liste.',
    NOT_DUE_FOR_ERASURE_many:
      'Personne n’a été effacé : {{count, number}} de ces membres ne sont plus à effacer. Consultez de nouveau la liste.',
    NOT_DUE_FOR_ERASURE_other:
      'Personne n’a été effacé : {{count, number}} de ces membres ne sont plus à effacer. Consultez de nouveau la liste.',

    TYPE_NOT_FOUND: 'Ce type d’adhésion n’existe plus. Choisissez-en un autre.',
    TYPE_NAME_TAKEN: 'Il existe déjà un type d’adhésion nommé « {{name}} »',
    TYPE_RETIRED:
      'Le type d’adhésion « {{name}} » est retiré : rétablissez-le dans les Paramètres ou choisissez-en un autre',
    PERIOD_MONTHS_REQUIRED: 'Indiquez la période couverte par un paiement, en mois',
    AMOUNT_MISSING: '$t(payments.amountProblem.AMOUNT_MISSING)',
    AMOUNT_INVALID: '$t(payments.amountProblem.AMOUNT_INVALID)',
    AMOUNT_TOO_PRECISE: '$t(payments.amountProblem.AMOUNT_TOO_PRECISE)',
    AMOUNT_NOT_POSITIVE: '$t(payments.amountProblem.AMOUNT_NOT_POSITIVE)',
    AMOUNT_TOO_LARGE: '$t(payments.amountProblem.AMOUNT_TOO_LARGE)',

    PAYMENT_NOT_FOUND: 'Ce paiement n’est plus là.',
    PAYMENT_ALREADY_VOIDED: 'Ce paiement a déjà été annulé : {{reason}}',
    PAID_BEYOND_LAST_YEAR:
      'Ce paiement couvrirait au-delà de l’an {{year}} : vérifiez le montant et le nombre de périodes.',
    PERIOD_ENDS_BEFORE_START: 'La période finit avant de commencer',
    PERIOD_HALF_GIVEN: 'Indiquez le début et la fin de la période, ou ni l’un ni l’autre',
    STATEMENT_NO_AMOUNT_COLUMN:
      'Ce fichier ne ressemble pas à un relevé de paiements : il n’a pas de colonne de montants.',
    STATEMENT_NO_DATE_COLUMN:
      'Ce fichier a des montants mais pas de colonne de dates : ses paiements ne peuvent pas être datés.',
    STATEMENT_LINE_REFUSED:
      'La ligne {{line, number}} n’a pas pu être enregistrée : {{cause}} Rien n’a été enregistré.',
    STATEMENT_NOT_OPEN: 'Ce relevé n’est plus ouvert. Choisissez de nouveau le fichier.',
    STATEMENT_IMPORT_NOT_FOUND: 'Cet import de relevé n’est plus là.',
    STATEMENT_ALREADY_UNDONE: 'Cet import de relevé a déjà été annulé.',

    EVENT_NOT_FOUND: 'Cet événement n’est plus là : il a peut-être été supprimé sur un autre ordinateur.',
    EVENT_CANCELLED: 'Cet événement est annulé.',
    EVENT_DATE_TIME_INVALID: 'Indiquez une date et une heure',
    EVENT_ENDS_BEFORE_START: 'L’événement se termine avant de commencer',
    CAPACITY_BELOW_CHECKED_IN_one:
      '{{count, number}} personne est déjà présente : il faut au moins autant de places',
    CAPACITY_BELOW_CHECKED_IN_many:
      '{{count, number}} personnes sont déjà présentes : il faut au moins autant de places',
    CAPACITY_BELOW_CHECKED_IN_other:
      '{{count, number}} personnes sont déjà présentes : il faut au moins autant de places',
    ALREADY_REGISTERED: 'Déjà inscrit à cet événement',
    REGISTRATION_NOT_FOUND: 'Cette inscription n’est plus sur cet événement.',
    ATTENDEE_NOT_FOUND: 'Cette personne n’est plus sur cet événement.',
    NOT_CHECKED_IN: 'Cette personne n’est pas marquée présente.',
    COMPLETION_NEEDS_CHECK_IN:
      'Seule une personne venue peut avoir suivi la formation : marquez-la d’abord présente.',
    ALREADY_A_MEMBER: 'Cette personne est déjà membre.',
    REGISTRATION_IS_A_MEMBERS:
      'Cette inscription est celle d’un membre : effacez plutôt le membre, ce qui efface aussi ses coordonnées d’invité.',
    GUEST_ERASED: 'Cet invité a déjà été effacé.',
    REGISTRATIONS_FILE_NO_PERSON:
      'Ce fichier n’a pas de colonne de nom, d’e-mail ni de numéro de membre : personne ne peut être inscrit à partir de lui.',
    REGISTRATION_EMAIL_INVALID: '« {{email}} » n’est pas une adresse e-mail',
    REGISTRATION_NO_PERSON: 'Ni nom, ni e-mail, ni numéro de membre connu',
    REGISTRATION_VALUE_REFUSED: 'Valeur trop longue ou non valide ({{field}})',
    CERTIFICATE_NOT_TRAINING: 'Les attestations sont pour les formations et les ateliers.',
    PRINT_FAILED:
      'Le document n’a pas été imprimé : l’imprimante ou le système l’a refusé. Vérifiez l’imprimante, puis réessayez.',

    FILE_EMPTY: 'Le fichier est vide, ou n’a aucune ligne de données.',
    FILE_TOO_LARGE:
      'Le fichier est trop gros pour être importé d’un coup. Enregistrez-le en CSV, ou coupez-le en plusieurs fichiers.',
    FILE_BINARY:
      'Ce fichier n’est ni un tableur ni un fichier texte (CSV). Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx ou en CSV.',
    FILE_UNSUPPORTED_FORMAT:
      'ChapterDesk ne sait pas lire ce type de fichier. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx ou en CSV.',
    FILE_ENCRYPTED:
      'Ce classeur est protégé par un mot de passe. Ouvrez-le dans Excel, retirez le mot de passe (ou enregistrez une copie en CSV), puis importez-le.',
    FILE_CORRUPT:
      'Le fichier est endommagé et ne peut pas être ouvert. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau, puis réessayez.',
    FILE_SHEET_NOT_FOUND: 'Ce classeur n’a pas de feuille nommée « {{sheet}} ».',
    FILE_HEADER_ROW_OUT_OF_RANGE:
      'Cette ligne ne peut pas contenir les noms des colonnes : elle est vide ou n’existe pas dans le fichier.',
    FILE_NO_ROWS: 'Le fichier a des noms de colonnes mais aucune ligne.',
    IMPORT_NO_FILE: 'Choisissez un fichier à importer.',
    IMPORT_FILE_CLOSED: 'Ce fichier n’est plus ouvert. Choisissez-le de nouveau.',
    IMPORT_MAPPING_MISMATCH:
      'Les colonnes choisies ne correspondent plus au fichier. Choisissez de nouveau le fichier.',
    IMPORT_CANCELLED: 'L’import a été annulé ; rien n’a été modifié.',
    IMPORT_JOB_NOT_FOUND: 'Cet import n’est plus en cours.',
    IMPORT_NOT_FOUND: 'Cet import n’est plus là.',
    IMPORT_ALREADY_UNDONE: 'Cet import a déjà été annulé ({{when}}).',

    OFFICERS_TOO_MANY: '{{maximum, number}} responsables au plus',
    OFFICERS_REPEATED: 'Chaque responsable une seule fois',

    CUSTOM_FIELD_NOT_FOUND: 'Ce champ n’existe plus',
    CUSTOM_FIELD_LABEL_TAKEN: 'Il existe déjà un champ nommé « {{label}} »',
    CUSTOM_FIELDS_TOO_MANY: 'Une section a au plus {{maximum, number}} champs à elle',
    CUSTOM_FIELD_NOT_CHOICE: 'Seul un champ à choix a des choix',
    CUSTOM_FIELD_UNKNOWN: 'Ce champ n’existe plus : rechargez la page',
    CUSTOM_FIELD_RETIRED:
      '« {{label}} » est retiré : remettez-le en service dans les Réglages pour le remplir',
    CUSTOM_NUMBER_INVALID: 'Écrivez un nombre, comme 12 ou 3,5',
    CUSTOM_DATE_INVALID: 'Écrivez une date qui existe',
    CUSTOM_YESNO_INVALID: 'Répondez oui ou non',
    CUSTOM_CHOICE_UNKNOWN: 'Choisissez l’un des choix de « {{label}} »',
    CUSTOM_TEXT_TOO_LONG: '{{maximum, number}} caractères au plus',

    SERVER_URL_INVALID: 'Indiquez une adresse comme https://sync.example.org',
    INSECURE_SERVER_URL: 'Utilisez https://{{host}} : http:// est réservé à un serveur sur cet ordinateur',
    SERVER_UNREACHABLE:
      'Impossible de joindre le serveur à cette adresse. Vérifiez-la, et que cet ordinateur est en ligne.',
    ENROL_CODE_REFUSED:
      'Ce code d’inscription n’est pas valide : il est peut-être mal saisi, déjà utilisé ou expiré. Vérifiez-le, ou demandez-en un nouveau à l’administrateur du serveur.',
    SERVER_REFUSED:
      'Le serveur a refusé la demande. Réessayez plus tard, ou demandez à votre administrateur.',
    CONFLICT_RESOLVED: 'Ce conflit a déjà été résolu.',
    CONFLICT_FIELD_UNKNOWN:
      'Cette version de ChapterDesk ne sait pas restaurer ce champ. Mettez d’abord ChapterDesk à jour.',
    SYNC_FILE_NOT_SYNC_FILE: 'Ce n’est pas un fichier de synchronisation ChapterDesk. Rien n’a été appliqué.',
    SYNC_FILE_DAMAGED:
      'Ce fichier de synchronisation est abîmé ou incomplet. Rien n’a été appliqué : demandez à nouveau le fichier.',
    SYNC_FILE_TOO_NEW:
      'Ce fichier de synchronisation a été écrit par une version plus récente de ChapterDesk. Rien n’a été appliqué : mettez ChapterDesk à jour, puis chargez-le à nouveau.',
    SYNC_FILE_OTHER_CHAPTER:
      'Ce fichier de synchronisation vient d’une autre section. Rien n’a été appliqué.',
    SYNC_FILE_NO_CHAPTER:
      'Cet ordinateur n’a pas encore rejoint la section. Rejoignez-la une fois par le serveur de synchronisation ; les fichiers de synchronisation pourront ensuite transporter les modifications.',
    SYNC_FILE_LIMIT_TOO_SMALL:
      'Un fichier de synchronisation ne peut pas être aussi petit : une seule modification dépasse {{maximum, number}} octets.',
    PEER_NOT_ENROLLED:
      'Cet ordinateur n’a pas encore rejoint la section par le serveur de synchronisation : il n’a pas la clé de la section pour se faire reconnaître d’un autre ordinateur. Rejoignez la section une fois ; les ordinateurs pourront ensuite se synchroniser entre eux.',
    PEER_UNREACHABLE:
      'Impossible de joindre l’autre ordinateur à cette adresse. Vérifiez l’adresse, qu’il attend une connexion, et que les deux ordinateurs sont sur le même réseau.',
    PEER_OTHER_CHAPTER:
      'L’autre ordinateur n’est pas de cette section : il appartient à une autre section, ou détient une clé que cette section n’a jamais donnée. Rien n’a été échangé.',
    PEER_KEY_REFUSED:
      'L’autre ordinateur n’a pas prouvé qu’il détient la clé de cette section. Rien n’a été échangé.',
    PEER_VERSION:
      'L’autre ordinateur utilise une autre version de ChapterDesk. Rien n’a été échangé : mettez à jour les deux ordinateurs, puis réessayez.',
    PEER_CONNECTION_LOST:
      'La connexion avec l’autre ordinateur s’est interrompue avant la fin de la synchronisation. Ce qui est arrivé a été conservé : synchronisez à nouveau pour terminer.',
    PEER_ADDRESS_INVALID:
      'Écrivez l’adresse de l’autre ordinateur telle qu’il l’affiche, par exemple 192.168.1.20:47170 (ou un nom, ou [IPv6]:port).',
    PEER_PORT_TAKEN:
      'Le port {{port}} est déjà utilisé sur cet ordinateur (par un autre programme ou un autre ChapterDesk). Fermez-le, puis réessayez.',
    PEER_BUSY_HERE:
      'Cet ordinateur se synchronise déjà avec un ordinateur proche, ou en attend un. Annulez d’abord cela.',
    PEER_BUSY_THERE:
      'L’autre ordinateur se synchronise en ce moment avec un autre. Rien n’a été échangé : réessayez dans un instant.',

    BACKUP_NOT_FOUND: 'Cette sauvegarde n’existe plus. Rien n’a été restauré.',
    BACKUP_UNREADABLE:
      'Ce fichier n’est pas un fichier de section ChapterDesk intact. Rien n’a été restauré.',
    BACKUP_NO_CHAPTER: 'Ce fichier ne contient aucune section. Rien n’a été restauré.',
    BACKUP_OTHER_LAPTOP:
      'C’est une sauvegarde du fichier de section d’un autre ordinateur. Rien n’a été restauré : restaurez-la sur cet ordinateur, ou dans un nouveau fichier de section vide.',
    UNSYNCED_CHANGES_one:
      '{{count, number}} modification faite sur cet ordinateur n’a pas atteint le serveur de synchronisation et n’est pas dans cette sauvegarde : la restauration la perdrait.',
    UNSYNCED_CHANGES_many:
      '{{count, number}} modifications faites sur cet ordinateur n’ont pas atteint le serveur de synchronisation et ne sont pas dans cette sauvegarde : la restauration les perdrait.',
    UNSYNCED_CHANGES_other:
      '{{count, number}} modifications faites sur cet ordinateur n’ont pas atteint le serveur de synchronisation et ne sont pas dans cette sauvegarde : la restauration les perdrait.',
  },
  failures: {
    title: {
      VALIDATION: 'Vérifiez ce que vous avez saisi',
      NOT_FOUND: 'Introuvable',
      CONFLICT: 'Cela entre en conflit avec ce qui existe déjà',
      UNKNOWN_OPERATION: 'Cette version de ChapterDesk ne connaît pas cette action',
      NOT_INITIALISED: 'La section n’est pas encore configurée',
      ALREADY_INITIALISED: 'La section est déjà configurée',
      DB_TOO_NEW: 'Le fichier de la section vient d’un ChapterDesk plus récent',
      DB_DAMAGED: 'Le fichier de la section est endommagé',
      UNAUTHORISED: 'Accès refusé',
      CANCELLED: 'Annulé',
      UNREACHABLE: 'Injoignable',
      NODE_ID_TAKEN: 'L’identité de cet ordinateur est déjà prise',
      BUSY: 'Le fichier de la section est occupé',
      NETWORK: 'ChapterDesk est injoignable',
      INTERNAL: 'Un problème est survenu',
    },
    text: {
      VALIDATION: 'Une partie de ce qui a été saisi n’est pas valide. Rien n’a été enregistré.',
      NOT_FOUND:
        'Ce que vous demandez n’est plus là : cela a peut-être été supprimé ou effacé sur un autre ordinateur.',
      CONFLICT:
        'Cela a changé entre-temps, ou entre en conflit avec ce qui est déjà enregistré. Rien n’a été enregistré.',
      UNKNOWN_OPERATION: 'Rechargez la page ; si cela se reproduit, mettez ChapterDesk à jour.',
      NOT_INITIALISED: 'Configurez d’abord la section.',
      ALREADY_INITIALISED: 'Rechargez la page pour la voir.',
      DB_TOO_NEW:
        'Ce fichier de section a été écrit par une version plus récente de ChapterDesk. Mettez ChapterDesk à jour pour l’ouvrir ; le fichier n’a pas été modifié.',
      DB_DAMAGED:
        'Le fichier de la section ne peut plus être lu sans risque. Rien n’y a été modifié ; restaurez une sauvegarde pour continuer.',
      UNAUTHORISED:
        'Cette page a besoin du lien affiché par « chapterdesk serve ». Ouvrez de nouveau ce lien.',
      CANCELLED: 'Rien n’a été modifié.',
      UNREACHABLE:
        'Un programme ou un serveur dont ChapterDesk a besoin est injoignable. Réessayez plus tard.',
      NODE_ID_TAKEN:
        'Un autre appareil du serveur de synchronisation utilise déjà l’identité de cet ordinateur (un fichier de section copié ?). Demandez un nouveau code à votre administrateur.',
      BUSY: 'Un autre programme écrit dans le fichier de la section (une commande ou un import). Réessayez quand il aura fini.',
      NETWORK: 'Impossible de joindre ChapterDesk. Vérifiez qu’il fonctionne toujours, puis réessayez.',
      INTERNAL: 'Rien n’a été enregistré. Réessayez ; si cela se reproduit, redémarrez ChapterDesk.',
    },
  },
};
