import { residentIdCheckChar } from '@lib/contracts';

/**
 * Mints resident ID numbers (居民身份证号码, GB 11643): 6-digit area code of registration, birth
 * date YYYYMMDD, a 3-digit sequence whose last digit is odd for men and even for women, and the
 * check character. Sequences are counted per area and birth date, so no number is minted twice.
 */
export class ResidentIdMint {
  private readonly next = new Map<string, number>();

  mint(areaCode: string, birthDate: string, sex: 'M' | 'F'): string {
    const prefix = `${areaCode}${birthDate.replace(/-/g, '')}`;
    const k = this.next.get(prefix) ?? 0;
    this.next.set(prefix, k + 1);
    // 500 people per area and day and sex fit; beyond that wrap into 900+ "temporary" numbers is not worth it.
    const sequence = 2 * (k % 500) + (sex === 'M' ? 1 : 0);
    const first17 = `${prefix}${String(sequence).padStart(3, '0')}`;
    return first17 + (residentIdCheckChar(first17) as string);
  }
}
