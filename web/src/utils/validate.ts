// Client-side checks that mirror the server's, so a person hears about a mistake before saving.
// The server remains the judge: its field errors are shown as well.

// At least 8 characters with a letter and a digit, at most 128 (core::PasswordProblem).
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password)
}

// 统一社会信用代码: 18 characters from the GB 32100-2015 alphabet (digits and capitals without
// I, O, S, V, Z). The check character itself is left to the server, which names the field.
export function looksLikeUscc(text: string): boolean {
  return /^[0-9A-HJ-NP-RTUWXY]{18}$/.test(text)
}
