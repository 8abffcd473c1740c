/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* gkbm.h: shared types and prototypes of gkbm-web, gkbm-admin, gkbm-sms */
#ifndef GKBM_H
#define GKBM_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define D_CONF		"/etc/gkbm/gkbm.conf"
#define MAX_BODY	(8 * 1024 * 1024)	/* default request body cap */
#define MAX_FIELDS	256			/* form fields per request */
#define MAX_KEY		64			/* form field name */
#define MAX_JPEG	(4 * 1024 * 1024)	/* one JPEG upload */
#define TOKEN_LEN	43			/* base64url of 32 bytes */
#define MAC_LEN		32			/* HMAC-SHA256 */
#define PII_MAX		96			/* sealed ID number or phone */
#define PII_OLD_KEYS	8			/* older data keys kept */
#define PW_HASH_MAX	160			/* $scrypt$... string */

/* log.c */
extern char	 log_reqid[17];		/* current request id, "" outside */
void		 log_init(const char *, const char *, int);
void		 log_reopen(void);
void		 log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
void		 fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

/* xmalloc.c */
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xreallocarray(void *, size_t, size_t);
char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
int		 xasprintf(char **, const char *, ...) __attribute__((format(printf, 2, 3)));

/* pool.c */
struct pool;
struct pool	*pool_new(void);
void		 pool_free(struct pool *);
void		*pool_alloc(struct pool *, size_t);
void		*pool_calloc(struct pool *, size_t, size_t);
char		*pool_strdup(struct pool *, const char *);
char		*pool_strndup(struct pool *, const char *, size_t);
char		*pool_printf(struct pool *, const char *, ...) __attribute__((format(printf, 2, 3)));
void		 pool_cleanup(struct pool *, void (*)(void *), void *);
size_t		 pool_size(const struct pool *);

/* One form field (urlencoded or multipart). */
struct field {
	char		*name;
	char		*value;		/* NUL-terminated (files: the bytes) */
	size_t		 len;
	char		*filename;	/* multipart file parts only */
	char		*ctype;		/* multipart file parts only */
};

struct form {
	struct field	*fields;
	size_t		 nfields;
};

/* arena.c: libxml2's allocations of one request in one arena */
int		 arena_init(void);
void		 arena_begin(void);
void		 arena_end(void);
size_t		 arena_used(void);
int		 arena_owns(const void *);
size_t		 arena_fallbacks(void);

/* form.c: urlencoded and multipart bodies parsed into a form */
const char	*form_parse_urlencoded(struct pool *, const char *, size_t,
		    struct form *);
const char	*form_parse_multipart(struct pool *, const char *,
		    const char *, size_t, struct form *);
const struct field *form_field(const struct form *, const char *);
const char	*form_get(const struct form *, const char *);
const char	*form_text(const struct form *, const char *);
char		*form_trim(char *);

/* config.c */
struct config {
	/* gkbm.conf */
	char		*listen;	/* FastCGI unix socket path */
	int		 listen_mode;	/* socket permissions, octal */
	int		 workers;	/* preforked workers */
	int		 max_requests;	/* recycle a worker after this many */
	int		 stop_timeout;	/* seconds before SIGKILL on stop */
	char		*pid_file;
	char		*log_file;	/* "" or "-": standard error */
	int		 debug;
	char		*db_host;	/* "" with db_socket */
	int		 db_port;
	char		*db_socket;
	char		*db_name;
	char		*db_user;	/* gkbm-web's account */
	char		*db_admin_user;	/* gkbm-admin's account (owner) */
	char		*secrets_file;
	char		*xsl_dir;
	char		*data_dir;	/* reference data (tsv) */
	char		*upload_dir;	/* outside the web root */
	char		*sms_sink;	/* development: append messages here */
	char		*sms_command;	/* production: gateway command */
	int		 cookie_secure;	/* Secure, __Host- cookies (TLS) */
	int		 sms_hourly_budget; /* SMS messages an hour, 0: any */
	size_t		 body_max;	/* request body cap, bytes */
	int		 session_idle;	/* seconds */
	int		 session_max;	/* seconds */
	int		 scrypt_ln;	/* log2 of scrypt N */
	int		 xml_arena;	/* libxml2 memory from a per-request arena */
	char		*consent_version; /* version of the notice */
	char		*service_phone;	/* consultation phone shown on pages */
	char		*site_url;	/* https://host[:port], no slash: links */
	int		 staff_2fa;	/* second factor for city, province */
	/* payment (fcgi/pay/, fcgi/lib/pay.h) */
	char		*pay_socket;	/* gkbm-pay's socket for gkbm-web */
	char		*pay_listen;	/* gkbm-pay's FastCGI socket (notifies) */
	int		 pay_workers;	/* gkbm-pay notify workers */
	char		*pay_pid_file;
	char		*pay_log_file;
	char		*pay_app_id;	/* our app_id (执收单位 code) */
	char		*pay_key_file;	/* our private key: gkbm-pay only */
	char		*pay_key_id;	/* its key_id */
	char		*pay_platform_keys; /* file: key_id sign_type pem */
	char		*pay_gateway_url; /* platform cashier (hand-over) */
	char		*pay_query_url;	/* platform order query */
	char		*pay_notify_url; /* our notify URL given to it */
	char		*pay_return_url; /* the candidate's return page */
	int		 pay_window;	/* notify timestamp window, seconds */
	int		 pay_order_minutes; /* PENDING this long: query */
	/* secrets file */
	char		*db_password;
	char		*db_admin_password;
	int		 key_id;	/* id of data_key, stored with values */
	unsigned char	 data_key[32];	/* AES-256-GCM for ID numbers, phones */
	int		 nold_keys;	/* the ring's older keys (old_data_key) */
	int		 old_key_id[PII_OLD_KEYS];
	unsigned char	 old_keys[PII_OLD_KEYS][32];
	unsigned char	 mac_key[32];	/* HMAC lookup values */
	unsigned char	 csrf_key[32];	/* CSRF tokens */
};
void		 config_init(struct config *);
int		 config_parse(struct config *, const char *);
int		 config_secrets(struct config *, const char *);
void		 config_free(struct config *);

/* prog.c: what the daemons (gkbm-pay, gkbm-sms) do alike at start */
extern volatile sig_atomic_t prog_quit;
void		 prog_signals(void);
int		 prog_config(const char *, struct config *, const char *,
		    char *const *);

/* token.c: random tokens, hashes and constant-time comparison */
void		 token_new(char [TOKEN_LEN + 1]);
void		 token_hash(const char *, unsigned char [MAC_LEN]);
void		 token_mac(const unsigned char [32], const char *,
		    char [TOKEN_LEN + 1]);
int		 token_equal(const char *, const char *);
void		 b64url_encode(const unsigned char *, size_t, char *);
void		 hex_encode(const unsigned char *, size_t, char *);
int		 hex_decode(const char *, unsigned char *, size_t);
int		 hex_digit(char);

/* pii.c: personal data sealed at rest, keyed lookup values */
/* Where sealed values live: bound into each (pii.c). */
#define PII_IDNO	"accounts.idno_enc"
#define PII_PHONE	"accounts.phone_enc"
#define PII_TOTP	"accounts.totp_enc"
#define PII_PENDING	"login_pending.secret_enc"	/* row: account_id */
#define PII_OUT_PHONE	"sms_outbox.phone_enc"
#define PII_OUT_BODY	"sms_outbox.body_enc"
#define PII_PLAIN_MAX	600	/* the longest value sealed (an SMS) */
int		 pii_seal(const struct config *, const char *, long long,
		    const char *, unsigned char *, size_t, size_t *);
int		 pii_open(const struct config *, const char *, long long,
		    const unsigned char *, size_t, char *, size_t);
int		 pii_reseal(const struct config *, const char *, long long,
		    const unsigned char *, size_t, unsigned char *, size_t,
		    size_t *);
void		 pii_mac(const struct config *, const char *, const char *,
		    unsigned char [MAC_LEN]);
void		 pii_mask_idno(const char *, char *, size_t);
void		 pii_mask_phone(const char *, char *, size_t);
void		 pii_mask_name(const char *, char *, size_t);

/* idno.c: GB 11643 citizen identity numbers */
enum idno_err {
	IDNO_OK = 0,
	IDNO_EMPTY,	/* nothing given */
	IDNO_LENGTH,	/* not 18 characters */
	IDNO_CHARS,	/* not 17 digits and a digit or X */
	IDNO_REGION,	/* unknown province-level region prefix */
	IDNO_DATE,	/* no such birth date, or in the future */
	IDNO_CHECK,	/* mod 11-2 check character wrong */
	IDNO__MAX
};
struct idno {
	char		 norm[19];	/* upper-case X */
	char		 region[7];
	int		 year, month, day;
	char		 gender;	/* 'M' or 'F' */
};
enum idno_err	 idno_parse(const char *, struct idno *);
const char	*idno_strerror(enum idno_err);

/* passwd.c: password policy and scrypt hashes */
const char	*passwd_check_candidate(const char *, const char *, const char *);
const char	*passwd_check_staff(const char *, const char *);
int		 passwd_hash(const char *, int, char *, size_t);
int		 passwd_verify(const char *, const char *);
int		 passwd_needs_rehash(const char *, int);

/* pinyin.c: Mandarin readings of common Chinese characters */
int		 pinyin_full(const char *, char *, size_t);
int		 pinyin_initials(const char *, char *, size_t);

/* valid.c: input validators; each returns NULL or a Chinese message */
int		 valid_utf8(const char *, size_t);
long long	 valid_chars(const char *, int);
const char	*valid_phone(const char *);
const char	*valid_name(const char *);
const char	*valid_date(const char *, int *, int *, int *);
const char	*valid_datetime(const char *, struct tm *);
int		 valid_uint(const char *, long long, long long, long long *);

/* dbconn.c: connections to MariaDB (time_zone +08:00, utf8mb4) */
struct st_mysql;
struct st_mysql	*db_connect(const struct config *, int);

/* jpeg.c: uploaded JPEG images decoded, once, with bounded cost */
#define JPEG_MAX_PIXELS	13000000ULL	/* a 12 MP phone photo, 4032x3024 */
struct jpeg_out {
	unsigned char	*rgb;		/* w * h * 3 bytes, malloc'd, or NULL */
	int		 w, h;		/* as decoded (DCT-scaled), as stored */
	int		 src_w, src_h;	/* the header's size, as stored */
	int		 orient;	/* EXIF orientation 1-8 */
};
enum jpeg_how {
	JPEG_HEADER,		/* the header only: size and colours */
	JPEG_CHECK,		/* every row decoded and dropped */
	JPEG_PIXELS		/* the rows kept in jpeg_out.rgb */
};
void		 jpeg_size_text(size_t, char *, size_t);
const char	*jpeg_precheck(const unsigned char *, size_t, size_t);
const char	*jpeg_decode(const unsigned char *, size_t, size_t, int, int,
		    enum jpeg_how, struct jpeg_out *);
const char	*jpeg_check(const unsigned char *, size_t, size_t, int *, int *);

/* eligibility.c: the rules R1-R21 of SPEC.md §4, one pure function */
enum elig_route {
	ROUTE_NONE = 0,		/* not chosen */
	ROUTE_YEARS,		/* 按工作年限申报 */
	ROUTE_CERT		/* 按岗位等级证书申报 */
};

/* The thresholds of a year (policy.c has the keys and defaults). */
struct elig_policy {
	int		 age_min, age_max;	/* R1 */
	int		 start_age_min;		/* R2 */
	int		 years_l4, years_l3;	/* R6, R7: years of work */
	int		 years_l1;		/* R8 */
	int		 held_l4, held_l3;	/* R9, R10: years the level is held */
	int		 held_l2, held_l1;	/* R11, R12 */
	int		 edu_l2_rank;		/* R13: education rank needed */
	int		 edu_l2_relaxed_rank;	/* R13: for older candidates */
	int		 edu_men_age;		/* R13: men of this age or older */
	int		 edu_women_age;		/* R13: women of this age or older */
	char		 driver[9];		/* R14: 汽车驾驶员's code */
	int		 recheck_days;		/* R22: 复核, days after publication */
	const char *const *level1_open;		/* R16: open codes, sorted */
	size_t		 nlevel1_open;
};

/* One record of the qualified library (合格库) for the candidate. */
struct elig_qual {
	const char	*worktype;
	int		 level;
	int		 year;
};

/* The application as the rules see it; 0, NULL or -1: not given. */
struct elig_app {
	int		 year;			/* report year */
	char		 gender;		/* 'M' or 'F' */
	int		 birth_year;
	int		 work_start_year;
	int		 work_years;		/* -1: not given */
	int		 cur_level;		/* 0 未定级, 1-5, -1: not given */
	const char	*cur_worktype;
	int		 cur_level_year;
	const char	*target_worktype;
	int		 target_level;		/* 1-5, 0: not given */
	enum elig_route	 route;
	int		 edu_rank;		/* education.rank, 0: not given */
	int		 prohibited;		/* 1 yes, 0 no, -1 not answered */
	int		 exceptional;		/* R20: entered by an office */
	const char *const *cur_maps_to;		/* R14: new types of the current */
	size_t		 ncur_maps_to;
	int		 cur_is_old;		/* the current type is merged or cancelled */
	const struct elig_qual *quals;		/* R18, R19 */
	size_t		 nquals;
	int		 confirm_r18;		/* the candidate confirmed R18 */
	int		 confirm_r19;		/* the candidate confirmed R19 */
};

/* An error or warning: rule id, form field, the Chinese sentence. */
struct elig_msg {
	const char	*rule;		/* "R9" */
	const char	*field;		/* "cur_level_year" */
	const char	*text;
	int		 warning;	/* 1: R18/R19, to be confirmed */
};

size_t		 eligibility_check(const struct elig_app *,
		    const struct elig_policy *, struct elig_msg *, size_t);
int		 eligibility_r14_free(const struct elig_app *,
		    const struct elig_policy *);
int		 eligibility_in_list(const char *, const char *const *,
		    size_t);

/* policy.c: the keys of the yearly policy, their labels and defaults */
struct policy_key {
	const char	*key;		/* policy.pkey */
	const char	*label;		/* Chinese, for the policy page */
	const char	*rule;		/* "R1" */
	int		 min, max;	/* range of a number */
	size_t		 off;		/* int member of struct elig_policy */
	const char	*def;		/* default value */
};
extern const struct policy_key	policy_keys[];
extern const size_t		npolicy_keys;
void		 policy_defaults(struct elig_policy *);
const char	*policy_set(struct elig_policy *, const char *, const char *);

/* image.c: photos decoded, checked, scaled, stamped and re-encoded */
#define IMAGE_PHOTO_W	413	/* 二寸 at 300 dpi, SPEC.md §3.4 */
#define IMAGE_PHOTO_H	626
struct image {
	int		 w, h;
	unsigned char	*rgb;		/* w * h * 3 bytes, malloc'd */
	int		 src_w, src_h;	/* before DCT scaling (0: as w, h) */
};
const char	*image_decode(const unsigned char *, size_t, size_t,
		    struct image *);
const char	*image_decode_fit(const unsigned char *, size_t, size_t, int,
		    int, struct image *);
const char	*image_photo(const struct image *, struct image *);
int		 image_stamp(struct image *, const char *);
int		 image_glyph(struct image *, int, int, int, int, int,
		    const unsigned char [3]);
int		 image_encode(const struct image *, int, unsigned char **,
		    size_t *);
void		 image_free(struct image *);

/* doccheck.c: level-1 documents (doc, docx) checked by content */
const char	*doc_check(const unsigned char *, size_t, size_t,
		    const char **);

/* sheet.c: a spreadsheet (CSV in UTF-8 or GB18030, or XLSX) as text rows */
#define SHEET_MAX_BYTES	(4u * 1024 * 1024)	/* the file */
#define SHEET_MAX_ROWS	5000			/* rows of one import */
#define SHEET_MAX_COLS	16			/* columns read */
#define SHEET_MAX_CELL	200			/* bytes of a cell */
struct sheet_row {
	size_t		 line;			/* in the file, from 1 */
	size_t		 ncells;
	const char	*cells[SHEET_MAX_COLS];	/* trimmed; "" past ncells */
};
struct sheet {
	struct sheet_row *rows;			/* blank rows left out */
	size_t		 nrows;
	int		 xlsx;			/* read as XLSX */
};
const char	*sheet_read(struct pool *, const void *, size_t,
		    struct sheet *);

/* qr.c: QR codes for the mobile upload links */
int		 qr_encode(const char *, unsigned char **, int *);

/* totp.c: one-time login codes (RFC 6238 TOTP, RFC 4226 HOTP), base32 */
#define TOTP_PERIOD	30			/* seconds per time step */
#define TOTP_KEY_LEN	20			/* bytes of a new secret */
int		 base32_encode(const unsigned char *, size_t, char *, size_t);
int		 base32_decode(const char *, unsigned char *, size_t);
uint32_t	 hotp_value(const unsigned char *, size_t, uint64_t);
uint32_t	 totp_code(const unsigned char *, size_t, uint64_t);
int		 totp_check(const unsigned char *, size_t, const char *, time_t,
		    long long, long long *);

#endif /* GKBM_H */
