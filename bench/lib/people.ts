import { mulberry32 } from './stats';

/** Names from many scripts, as a worldwide organisation's chapters would hold. */
const FIRST = [
  'Hélène',
  'François',
  'Zoë',
  'José',
  'María',
  'João',
  'Ngozi',
  'Wanjiru',
  'Kwame',
  'Amara',
  'Chidi',
  'Fatima',
  'Aïsha',
  'Mohammed',
  'Oluwaseun',
  'Søren',
  'Jürgen',
  'Łukasz',
  'Ágnes',
  'Çağla',
  'Nguyễn',
  'Александр',
  'Ольга',
  'Дмитрий',
  'Γιώργος',
  'Ελένη',
  'محمد',
  'فاطمة',
  'علي',
  'יוסף',
  'שרה',
  'राहुल',
  'प्रिया',
  'অমিত',
  '王伟',
  '李娜',
  '张敏',
  'さくら',
  '太郎',
  '민준',
  '서연',
  'Thandiwe',
  'Sipho',
  'Anna',
  'John',
  'Mary',
  'David',
  'Sarah',
  'Peter',
  'Grace',
  'Samuel',
  'Esther',
  'Daniel',
];
const LAST = [
  'Dupré',
  'Müller',
  'García',
  'Gonçalves',
  'Okafor',
  'Kamau',
  'Mensah',
  'Diallo',
  'Traoré',
  'Ndlovu',
  'Şahin',
  'Kowalski',
  'Nagy',
  'Jørgensen',
  'Ó Briain',
  'Иванов',
  'Смирнова',
  'Παπαδόπουλος',
  'العلي',
  'حسن',
  'כהן',
  'शर्मा',
  'দাস',
  '王',
  '李',
  '佐藤',
  '김',
  'Smith',
  'Johnson',
  'Brown',
  'Wilson',
  'Martin',
  'Moreau',
  'Lefèvre',
  'Fernández',
  'Pereira',
  'Otieno',
  'Achieng',
  'Banda',
  'Phiri',
];
const CITIES = [
  'Lyon',
  'Nairobi',
  'São Paulo',
  'Dakar',
  'Montréal',
  'Kraków',
  'Αθήνα',
  'Москва',
  'القاهرة',
  'Mumbai',
  '東京',
];

const ASCII = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export interface FakePerson {
  memberNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  joinedOn: string;
  paidThrough: string;
}

export function* people(count: number, seed = 42): Generator<FakePerson> {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  for (let i = 1; i <= count; i++) {
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const local = `${ASCII(firstName) || 'member'}.${ASCII(lastName) || 'x'}${i}`;
    const year = 2015 + Math.floor(random() * 11);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    yield {
      memberNumber: String(i),
      firstName,
      lastName,
      email: `${local}@example.org`,
      phone: `06 ${String(10_000_000 + Math.floor(random() * 89_999_999)).replace(/(\d\d)(?=\d)/g, '$1 ')}`,
      city: pick(CITIES),
      joinedOn: `${year}-${month}-01`,
      paidThrough: `${year + 1 + Math.floor(random() * 2)}-${month}-01`,
    };
  }
}
