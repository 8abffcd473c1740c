/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/*
 * files.c: stored files (photos, ID-card photos, materials) under
 * upload_dir, named by 64 random hexadecimal characters in a directory of
 * their first two: stored, read and removed.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "web.h"

/*
 * Stores an uploaded file under upload_dir with a random name: written,
 * fsync'd and renamed into place before the row that names it commits.
 * name receives the 64 hexadecimal characters.  Returns 0 or -1 (logged;
 * nothing is left behind).
 */
int
files_store(struct req *r, const void *data, size_t len, char name[65])
{
	unsigned char	 rnd[32];
	char		 dir[PATH_MAX], tmp[PATH_MAX], path[PATH_MAX];
	const char	*p = data;
	ssize_t		 n;
	int		 fd;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		fatalx("RAND_bytes failed");
	hex_encode(rnd, sizeof(rnd), name);
	if (snprintf(dir, sizeof(dir), "%s/%.2s", r->cfg->upload_dir,
	    name) >= (int)sizeof(dir) - 80) {
		log_warnx("upload_dir: path too long");
		return -1;
	}
	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		log_warn("mkdir %s", dir);
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name) < 0 ||
	    snprintf(path, sizeof(path), "%s/%s", dir, name) < 0)
		return -1;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0640)) == -1) {
		log_warn("open %s", tmp);
		return -1;
	}
	while (len > 0) {
		if ((n = write(fd, p, len)) <= 0) {
			log_warn("write %s", tmp);
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) == -1) {
		log_warn("fsync %s", tmp);
		goto fail;
	}
	close(fd);
	if (rename(tmp, path) == -1) {
		log_warn("rename %s", path);
		unlink(tmp);
		return -1;
	}
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) != -1) {
		fsync(fd);
		close(fd);
	}
	return 0;
fail:
	close(fd);
	unlink(tmp);
	return -1;
}

/* Removes a stored file again (its row did not commit). */
void
files_unlink(struct req *r, const char *name)
{
	char	 path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%.2s/%s", r->cfg->upload_dir, name,
	    name);
	unlink(path);
}

/*
 * Reads stored file name (64 hex characters) into the pool, at most max
 * bytes (and one byte more allocated).  Returns the bytes with *len set,
 * or NULL (logged).
 */
unsigned char *
files_read(struct req *r, const char *name, size_t max, size_t *len)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	unsigned char	*buf;
	size_t		 got = 0;
	ssize_t		 k;
	int		 fd;

	if (strlen(name) != 64 || strspn(name, "0123456789abcdef") != 64) {
		log_warnx("%s: bad stored name", __func__);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%.2s/%s", r->cfg->upload_dir, name,
	    name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("open %s", path);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || st.st_size < 0 ||
	    (size_t)st.st_size > max) {
		log_warnx("%s: %s: too large or unreadable", __func__, path);
		close(fd);
		return NULL;
	}
	buf = pool_alloc(r->pool, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		if ((k = read(fd, buf + got, (size_t)st.st_size - got)) <= 0) {
			if (k == -1 && errno == EINTR)
				continue;
			log_warn("read %s", path);
			close(fd);
			return NULL;
		}
		got += (size_t)k;
	}
	close(fd);
	*len = got;
	return buf;
}

