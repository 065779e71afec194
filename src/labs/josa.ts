/**
 * Korean particles after names and values (이/가, 을/를, 은/는, 으로/로, 과/와, 이라는/라는). Names in
 * check messages are Latin (pod names, images), so the final sound is guessed the way they are read
 * aloud: digits by their Sino-Korean names (1 일, 3 삼 …), all-caps words letter by letter (DB 디비,
 * URL 유알엘), words by the usual loanword spellings (web 웹, app 앱, stack 스택, nginx 엔진엑스,
 * redis 레디스). A guess, not a dictionary; what matters is that common names read naturally.
 */

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/** Digit → has a final consonant when read (영 일 이 삼 사 오 육 칠 팔 구). */
const DIGIT_FINAL = [true, true, false, true, false, false, true, true, true, false];
/** Letter names with a final consonant: L 엘, M 엠, N 엔, R 알. */
const LETTER_FINAL = new Set(['L', 'M', 'N', 'R']);

/** Whether the word, read aloud in Korean, ends in a consonant (받침); `rieul` when that is ㄹ. */
export function finalSound(word: string): { final: boolean; rieul: boolean } {
  const w = word.replace(/[\s"'`)\]}>.,:;!?]+$/, '');
  if (!w) return { final: false, rieul: false };
  const ch = w[w.length - 1];
  const code = ch.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_FIRST) % 28;
    return { final: jong !== 0, rieul: jong === 8 };
  }
  if (/[0-9]/.test(ch)) {
    const d = Number(ch);
    return { final: DIGIT_FINAL[d], rieul: d === 1 || d === 7 || d === 8 };
  }
  const m = /[A-Za-z]+$/.exec(w);
  if (!m) return { final: false, rieul: false };
  const tail = m[0];
  if (tail.length <= 4 && tail === tail.toUpperCase()) {
    const last = tail[tail.length - 1];
    return { final: LETTER_FINAL.has(last), rieul: last === 'L' || last === 'R' };
  }
  const t = tail.toLowerCase();
  if (t.endsWith('ng')) return { final: true, rieul: false };
  // A silent e: -ble/-ple 블/플 end in ㄹ, -ine/-one/-ame 인/온/에임 in ㄴ/ㅁ (alpine 알파인, stable 스테이블).
  if (/[^aeiou]le$/.test(t)) return { final: true, rieul: true };
  if (/[aeiou][nm]e$/.test(t)) return { final: true, rieul: false };
  const last = t[t.length - 1];
  if (last === 'l') return { final: true, rieul: true };
  if ('mn'.includes(last)) return { final: true, rieul: false };
  // b/p/k close the syllable after a vowel (web 웹, app 앱, stack 스택) but not after a consonant
  // (help 헬프, pink 핑크, desk 데스크).
  if ('bpk'.includes(last)) return { final: /[aeiou]$/.test(t.slice(0, -1)) || /(ck|pp|bb)$/.test(t), rieul: false };
  // -et/-it/-at after one short vowel: set 셋, secret 시크릿, init 이닛, cat 캣; root 루트, port 포트.
  if (last === 't' && /[^aeiou][aeiu]t$/.test(t)) return { final: true, rieul: false };
  return { final: false, rieul: false };
}

type Pair = '이/가' | '을/를' | '은/는' | '으로/로' | '과/와' | '이라/라' | '이라는/라는' | '이에요/예요';

/** The word followed by the right form of the particle: josa('redis', '이/가') → "redis가". */
export function josa(word: string, pair: Pair): string {
  const { final, rieul } = finalSound(word);
  const [withFinal, withoutFinal] = pair.split('/');
  if (pair === '으로/로') return word + (final && !rieul ? withFinal : withoutFinal);
  return word + (final ? withFinal : withoutFinal);
}
