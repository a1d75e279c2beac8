private cache = new Map<string, User>();

constructor(private http: HttpClient) {}

getUser(id: string): Observable<User> {
  if (this.cache.has(id)) {
    return of(this.cache.get(id)!);
  }
  return this.http.get<User>(`/api/users/${id}`).pipe(
    tap((user) => this.cache.set(id, user)),
  );
}
