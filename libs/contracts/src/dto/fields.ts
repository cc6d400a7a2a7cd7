import { IsBoolean, IsInt, IsNumber, IsString, MaxLength } from 'class-validator';
import { EVENT_LIMITS } from './limits';
import { IsCleanText, IsCode, IsFreeOfIdNumbers, Rules } from './validators';

/** Field rules shared by several event DTOs. Required-ness is stated next to each use. */

/** An identifier chosen by a sending system or the registry (institution, referral, team); never a person's ID number. */
export const idField = () => Rules(IsString(), MaxLength(EVENT_LIMITS.idLength), IsCleanText({ multiline: false }), IsFreeOfIdNumbers());

/** A value from one of the contract's code lists; a non-string is a type error, not an unknown code. */
export const codeField = (codes: readonly string[]) => Rules(IsString(), IsCode(codes));

/** A finite JSON number (JSON has no NaN or Infinity, but a JS caller might pass them). */
export const numberField = () => Rules(IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' }));

/** A number that must be whole; `1.5` is an invalid value, `"1"` a type error. */
export const integerField = () => Rules(numberField(), IsInt());

export const booleanField = () => Rules(IsBoolean());
