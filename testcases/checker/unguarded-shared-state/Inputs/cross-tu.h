extern int hits;
void bump();
void report();
