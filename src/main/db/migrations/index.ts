import { migration001 } from './001_initial';
import { migration002 } from './002_sync';
import { migration003 } from './003_imports';
import { migration004 } from './004_row_created';
import { migration005 } from './005_dues';
import { migration006 } from './006_events';
import { migration007 } from './007_dues_indexes';
import { migration008 } from './008_postal_address';
import { migration009 } from './009_printer_calibration';
import { migration010 } from './010_import_written';
import { migration011 } from './011_member_number_digits';
import { migration012 } from './012_erasures';
import { migration013 } from './013_retention';
import { migration014 } from './014_chapter_key';
import { migration015 } from './015_laptop_names';
import { migration016 } from './016_chapter_settings';
import { migration017 } from './017_members_settled';
import { migration018 } from './018_custom_fields';
import { migration019 } from './019_type_retired';
import { migration020 } from './020_fold_letters';
import { migration021 } from './021_network';
import { migration022 } from './022_name_order';
import { migration023 } from './023_prefix_index';
import { migration024 } from './024_pending_index';
import type { Migration } from './types';

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
  migration023,
  migration024,
];

export const LATEST_VERSION = MIGRATIONS.length;
